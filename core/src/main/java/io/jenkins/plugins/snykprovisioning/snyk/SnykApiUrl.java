package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the V1 and REST APIs live: a region's host, or an override for private instances and
 * rehearsal simulators. The override must be https, except on loopback, so a token is never sent
 * in clear text over a network.
 */
public final class SnykApiUrl {

    private final URI root;

    private SnykApiUrl(URI root) {
        this.root = root;
    }

    public static SnykApiUrl of(SnykRegion region) {
        return new SnykApiUrl(URI.create(region.apiBase()));
    }

    /**
     * Parses a base URL such as {@code https://api.snyk.example.com} ({@code /v1/...} and
     * {@code /rest/...} are appended). A trailing {@code /v1} or {@code /rest} is tolerated.
     */
    public static SnykApiUrl parse(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("The API base URL is empty");
        }
        String text = baseUrl.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String suffix : new String[] {"/v1", "/rest"}) {
            if (text.endsWith(suffix)) {
                text = text.substring(0, text.length() - suffix.length());
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The API base URL '" + baseUrl.trim() + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("The API base URL '" + baseUrl.trim()
                    + "' must be an absolute http(s) URL such as https://api.snyk.io");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The API base URL must not carry credentials, a query or a fragment");
        }
        if (scheme.equals("http") && !Loopback.isLoopbackHost(uri.getHost())) {
            throw new IllegalArgumentException("The API base URL '" + baseUrl.trim()
                    + "' uses plain http; only https is allowed, except for loopback addresses");
        }
        return new SnykApiUrl(uri);
    }

    /** Resolves a region id or, when {@code apiUrl} is set, the override. */
    public static SnykApiUrl resolve(String regionId, String apiUrl) {
        if (apiUrl != null && !apiUrl.isBlank()) {
            return parse(apiUrl);
        }
        return of(SnykRegion.fromId(regionId));
    }

    public URI root() {
        return root;
    }

    /** {@code root/v1} followed by {@code path} (which starts with '/'). */
    public URI v1(String path) {
        return URI.create(root + "/v1" + path);
    }

    /** {@code root/rest} followed by {@code path} (which starts with '/', may carry a query). */
    public URI rest(String pathAndQuery) {
        return URI.create(root + "/rest" + pathAndQuery);
    }

    /** True when {@code uri} points at the same scheme, host and port as this base. */
    public boolean sameOrigin(URI uri) {
        return root.getScheme().equalsIgnoreCase(uri.getScheme() == null ? "" : uri.getScheme())
                && root.getHost().equalsIgnoreCase(uri.getHost() == null ? "" : uri.getHost())
                && effectivePort(root) == effectivePort(uri);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
