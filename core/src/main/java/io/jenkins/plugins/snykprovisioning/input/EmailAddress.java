package io.jenkins.plugins.snykprovisioning.input;

import java.util.regex.Pattern;

/** A deliberately plain check: one '@', no spaces, a dot in the domain, within RFC 5321's length. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"(),:;<>\\[\\\\\\]]+@[^@\\s\"(),:;<>\\[\\\\\\]]+\\.[^@\\s\"(),:;<>\\[\\\\\\].]{2,}");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches()
                && !email.startsWith(".") && !email.contains("..");
    }
}
