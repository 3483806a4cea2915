package io.jenkins.plugins.snykprovisioning.snyk;

import java.util.Locale;

/** Snyk's multi-tenant regions. A token only works in the region it was issued in. */
public enum SnykRegion {
    SNYK_US_01("SNYK-US-01", "https://api.snyk.io", "US East"),
    SNYK_US_02("SNYK-US-02", "https://api.us.snyk.io", "US West"),
    SNYK_EU_01("SNYK-EU-01", "https://api.eu.snyk.io", "Europe"),
    SNYK_AU_01("SNYK-AU-01", "https://api.au.snyk.io", "Australia");

    public static final SnykRegion DEFAULT = SNYK_US_01;

    private final String id;
    private final String apiBase;
    private final String location;

    SnykRegion(String id, String apiBase, String location) {
        this.id = id;
        this.apiBase = apiBase;
        this.location = location;
    }

    /** The identifier Snyk uses, e.g. {@code SNYK-EU-01}. */
    public String id() {
        return id;
    }

    /** Host root under which {@code /v1} and {@code /rest} live. */
    public String apiBase() {
        return apiBase;
    }

    public String location() {
        return location;
    }

    /** Accepts {@code SNYK-EU-01}, {@code snyk-eu-01} or {@code SNYK_EU_01}. */
    public static SnykRegion fromId(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        for (SnykRegion region : values()) {
            if (region.id.equals(wanted)) {
                return region;
            }
        }
        throw new IllegalArgumentException("Unknown Snyk region '" + value.trim() + "'; expected one of "
                + String.join(", ", ids()));
    }

    public static String[] ids() {
        SnykRegion[] all = values();
        String[] ids = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id;
        }
        return ids;
    }
}
