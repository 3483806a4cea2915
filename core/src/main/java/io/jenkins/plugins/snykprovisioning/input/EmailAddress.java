package io.jenkins.plugins.snykprovisioning.input;

import java.util.regex.Pattern;

/** A deliberately plain check: one '@', no spaces, a dot in the domain, within RFC 5321's length. */
public final class EmailAddress {

    /** No address is longer (RFC 5321: a path of 256 octets, less its angle brackets). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"(),:;<>\\[\\\\\\]]+@[^@\\s\"(),:;<>\\[\\\\\\]]+\\.[^@\\s\"(),:;<>\\[\\\\\\].]{2,}");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches()
                && !email.startsWith(".") && !email.contains("..");
    }
}
