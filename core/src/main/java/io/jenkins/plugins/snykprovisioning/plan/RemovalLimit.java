package io.jenkins.plugins.snykprovisioning.plan;

/**
 * How many removals a plan may hold: {@code P%} of each org's current members and pending
 * provisions, or {@code N} in all.
 *
 * @param value the percentage, or the count
 */
public record RemovalLimit(int value, boolean percent) {

    /** Ten percent: a routine leaver passes, a file missing half the company does not. */
    public static final RemovalLimit DEFAULT = new RemovalLimit(10, true);

    public RemovalLimit {
        if (value < 0 || (percent && value > 100)) {
            throw new IllegalArgumentException("The removal limit must be a count of at least 0 or a percentage from 0% to 100%, got "
                    + value + (percent ? "%" : ""));
        }
    }

    /** Reads {@code 10%} or {@code 25}; blank gives the default. */
    public static RemovalLimit parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String value = text.trim();
        boolean percent = value.endsWith("%");
        try {
            return new RemovalLimit(Integer.parseInt(percent ? value.substring(0, value.length() - 1).trim() : value), percent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The removal limit must look like 10% or 25, got '" + value + "'");
        }
    }

    /**
     * Removals allowed in one org of {@code current} members and pending provisions. A percentage
     * always allows one, so a single leaver of a small org is not refused.
     */
    int allowedIn(int current) {
        return Math.max(1, current * value / 100);
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        return value + (percent ? "%" : "");
    }
}
