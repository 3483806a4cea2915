package io.jenkins.plugins.snykprovisioning.snyk;

/**
 * Whose a token is, as REST {@code GET /self} answers.
 *
 * @param type {@code user}, {@code service_account} or {@code app_instance}, as Snyk's spec lists them
 */
public record TokenOwner(String id, String type, String name, String username, String email) {

    /** Snyk refuses provisioning for service accounts (and app instances, which act like them). */
    public boolean isServiceAccount() {
        return "service_account".equals(type) || "app_instance".equals(type);
    }

    /** How messages name the owner: "Alice &lt;alice@example.com&gt;", or the name, username or id alone. */
    public String describe() {
        String name = this.name != null ? this.name : username != null ? username : id;
        return email == null || email.equals(name) ? String.valueOf(name) : name + " <" + email + ">";
    }
}
