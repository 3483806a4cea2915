package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's outcome as one stacked bar: a segment per outcome that happened, in the results file's order, its
 * width the outcome's share of the users, in the units of an SVG view box {@value #WIDTH} wide. The page
 * draws the segments (summary.jelly) and lists each with its count beside the bar, so the counts are
 * readable without the picture and without JavaScript.
 */
public final class OutcomeBar {

    /** The view box's width: segment positions and widths are percentages of the bar. */
    static final double WIDTH = 100;
    /** The least width of a segment, so that one user among thousands still shows. */
    static final double MIN_SEGMENT_WIDTH = 1;
    static final String NOT_PROCESSED_COLOR = "#d0d4d9";
    private static final String OTHER_COLOR = "#8a9199";
    /**
     * A fill per outcome key: greens for new and existing users, blues for memberships, purple for roles,
     * oranges for access taken away.
     */
    private static final Map<String, String> COLORS = Map.of(
            OutcomeCategory.PROVISIONED.key(), "#138a36",
            OutcomeCategory.ALREADY_PROVISIONED.key(), "#7cc48f",
            OutcomeCategory.ORG_MEMBERSHIPS.key(), "#1f6fb5",
            OutcomeCategory.ALREADY_ADDED.key(), "#8ab8e0",
            OutcomeCategory.ROLE_UPDATED.key(), "#7b4bb7",
            OutcomeCategory.REMOVED.key(), "#e07b00",
            OutcomeCategory.PENDING_DELETED.key(), "#f0b36b",
            OutcomeCategory.SKIPPED.key(), "#b8a15a",
            OutcomeCategory.FAILED.key(), "#c62828");

    private final List<Segment> segments;
    private final String description;

    private OutcomeBar(List<Segment> segments, String description) {
        this.segments = segments;
        this.description = description;
    }

    /**
     * The bar of {@code counts} (users per outcome key, in the results file's order) and of the users the run
     * never reached ({@code notProcessed}), named as {@code dryRun} has it; outcomes with no users have no segment.
     */
    static OutcomeBar of(Map<String, Long> counts, long notProcessed, boolean dryRun) {
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count != null && count > 0) {
                OutcomeCategory category = OutcomeCategory.byKey(key);
                labels.add(category == null ? key : OutcomeLabels.of(category, dryRun));
                colors.add(COLORS.getOrDefault(key, OTHER_COLOR));
                values.add(count);
            }
        });
        if (notProcessed > 0) {
            labels.add(Messages.OutcomeBar_NotProcessed());
            colors.add(NOT_PROCESSED_COLOR);
            values.add(notProcessed);
        }
        long total = values.stream().mapToLong(Long::longValue).sum();
        // Shares below the least width are raised to it; all are then scaled back to the bar's width.
        double[] widths = values.stream().mapToDouble(value -> Math.max(MIN_SEGMENT_WIDTH, WIDTH * value / total)).toArray();
        double scale = WIDTH / Arrays.stream(widths).sum();
        List<Segment> segments = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < values.size(); i++) {
            double width = widths[i] * scale;
            segments.add(new Segment(labels.get(i), values.get(i), colors.get(i), x, width));
            parts.add(labels.get(i) + " " + values.get(i));
            x += width;
        }
        String description = parts.isEmpty() ? Messages.OutcomeBar_NoUsers() : String.join(", ", parts);
        return new OutcomeBar(List.copyOf(segments), description);
    }

    /** The segments, left to right. */
    public List<Segment> getSegments() {
        return segments;
    }

    /** The bar in words, e.g. "Provisioned (new users) 2, Failed 1", for screen readers and tooltips. */
    public String getDescription() {
        return description;
    }

    /** One outcome's part of the bar. */
    public static final class Segment {
        private final String label;
        private final long count;
        private final String color;
        private final double x;
        private final double width;

        Segment(String label, long count, String color, double x, double width) {
            this.label = label;
            this.count = count;
            this.color = color;
            this.x = x;
            this.width = width;
        }

        public String getLabel() {
            return label;
        }

        public long getCount() {
            return count;
        }

        /** The fill, a #rrggbb color. */
        public String getColor() {
            return color;
        }

        /** The left edge in view box units, as an SVG attribute value. */
        public String getX() {
            return format(x);
        }

        /** The width in view box units, as an SVG attribute value. */
        public String getWidth() {
            return format(width);
        }

        double x() {
            return x;
        }

        double width() {
            return width;
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
    }
}
