package io.jenkins.plugins.snykprovisioning.input;

/**
 * One user as the file gives it, values trimmed, empty values as null.
 *
 * @param line the line the row starts on (1-based), for messages
 * @param role a role public id or a role name, as written
 * @param userId only for role updates of members Snyk does not list (service accounts)
 * @param problem why the row cannot be used as it stands (a wrong type, a stray column), or null
 */
public record UserRow(int line, String email, String role, String orgId, String userId, String problem) {
}
