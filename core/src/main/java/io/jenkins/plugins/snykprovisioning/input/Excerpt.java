package io.jenkins.plugins.snykprovisioning.input;

/** The start of a text too long to keep whole, marked as cut. */
public final class Excerpt {

    private Excerpt() {
    }

    /** The first {@code maxChars} characters and '…' (a character pair is not split), or the text when it fits. */
    public static String of(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + '\u2026';
    }
}
