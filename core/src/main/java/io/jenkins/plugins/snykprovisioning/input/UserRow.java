package io.jenkins.plugins.snykprovisioning.input;

/**
 * One user as the file gives it, values trimmed, empty values as null. A value longer than any real one
 * makes the row a problem, and only its start is kept (with '…'), so that a huge cell is not copied into
 * every record of the run.
 *
 * @param line the line the row starts on (1-based), for messages
 * @param email at most {@value EmailAddress#MAX_LENGTH} characters, or that many and '…'
 * @param role a role public id or a role name, as written; at most {@value #MAX_VALUE_CHARS} characters, or
 *     that many and '…' (so are the org and user ids)
 * @param userId only for role updates of members Snyk does not list (service accounts)
 * @param problem why the row cannot be used as it stands (a wrong type, a stray column, a value too long), or null
 */
public record UserRow(int line, String email, String role, String orgId, String userId, String problem) {

    /** Far beyond any role name or id. */
    public static final int MAX_VALUE_CHARS = 1024;

    public UserRow {
        if (problem == null) {
            problem = tooLong("email", email, EmailAddress.MAX_LENGTH, ", more than an address may have (" + EmailAddress.MAX_LENGTH + ")");
        }
        for (String[] value : new String[][] {{"role", role}, {"org_id", orgId}, {"user_id", userId}}) {
            if (problem == null) {
                problem = tooLong(value[0], value[1], MAX_VALUE_CHARS, ", more than " + MAX_VALUE_CHARS);
            }
        }
        email = Excerpt.of(email, EmailAddress.MAX_LENGTH);
        role = Excerpt.of(role, MAX_VALUE_CHARS);
        orgId = Excerpt.of(orgId, MAX_VALUE_CHARS);
        userId = Excerpt.of(userId, MAX_VALUE_CHARS);
    }

    /** The problem of a value over {@code max} characters, without the value. */
    private static String tooLong(String name, String value, int max, String limit) {
        return value == null || value.length() <= max ? null : "the " + name + " has " + value.length() + " characters" + limit;
    }
}
