package io.jenkins.plugins.snykprovisioning.snyk;

/**
 * Snyk's org, group, user, membership, invite and role ids are UUIDs (the REST spec gives them
 * {@code format: uuid}). Only such an id is ever put in a URL: one that is not fails here, before
 * a request exists, so nothing a user file says can reach another path ({@code ..}, {@code /}, a query).
 */
public final class SnykIds {

    private static final int UUID_LENGTH = 36;

    private SnykIds() {
    }

    /** True for the 8-4-4-4-12 hexadecimal form, in any case. */
    public static boolean isUuid(String value) {
        if (value == null || value.length() != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code value} cannot be used as the {@code kind} id ("org", "user", ...), or null when it can. */
    public static String problem(String kind, String value) {
        if (isUuid(value)) {
            return null;
        }
        return "the " + kind + " id '" + (value == null ? "" : value) + "' is not a Snyk id (a UUID such as "
                + "6e6a3e3c-1b4f-4e4f-9b87-0d8c2a7e5a10)";
    }

    /** {@code value} when it is a UUID; otherwise an {@link IllegalArgumentException} saying why. */
    public static String require(String kind, String value) {
        String problem = problem(kind, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
