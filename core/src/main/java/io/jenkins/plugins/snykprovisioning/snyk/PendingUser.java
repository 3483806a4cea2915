package io.jenkins.plugins.snykprovisioning.snyk;

/** A user provisioned to an org who has not logged in yet. */
public record PendingUser(String email, String role, String rolePublicId, String created) {

    /** The role by name when Snyk gave it, else by public id. */
    public String shownRole() {
        return role != null ? role : rolePublicId;
    }
}
