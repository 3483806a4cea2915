package io.jenkins.plugins.snykprovisioning.input;

/**
 * Bounds on a user file, so that a wrong or hostile file fails with a message instead of
 * exhausting memory.
 *
 * @param maxChars characters in the whole file
 * @param maxRows user rows
 * @param maxLineChars characters on one line
 */
public record InputLimits(long maxChars, int maxRows, int maxLineChars) {

    public static final int DEFAULT_MAX_ROWS = 200_000;
    public static final InputLimits DEFAULT = new InputLimits(64L * 1024 * 1024, DEFAULT_MAX_ROWS, 64 * 1024);

    public InputLimits {
        if (maxChars < 1 || maxRows < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("Input limits must be positive");
        }
    }

    public InputLimits withMaxRows(int value) {
        return new InputLimits(maxChars, value, maxLineChars);
    }

    public InputLimits withMaxChars(long value) {
        return new InputLimits(value, maxRows, maxLineChars);
    }
}
