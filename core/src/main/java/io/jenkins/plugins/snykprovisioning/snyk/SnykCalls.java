package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.ApiRequest;
import io.jenkins.plugins.snykprovisioning.http.ApiResponse;
import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.MalformedResponseException;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What every per-resource client shares: building V1 and REST URLs, parsing answers, following
 * JSON:API pages. Reads are parsed strictly (a garbled read is retried by the transport); a
 * write's body is kept if readable, since the status already says what happened.
 */
final class SnykCalls {

    static final int PAGE_LIMIT = 100;
    private static final int MAX_PAGES = 100_000;

    private final SnykApiUrl base;
    private final String restVersion;
    private final ApiTransport transport;

    SnykCalls(SnykApiUrl base, String restVersion, ApiTransport transport) {
        this.base = base;
        this.restVersion = restVersion;
        this.transport = transport;
    }

    /**
     * An id as a path segment: only a UUID passes (see {@link SnykIds}), so no segment is ever
     * {@code .} or {@code ..} or carries a separator, and none needs encoding.
     */
    static String id(String kind, String value) {
        return SnykIds.require(kind, value);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    URI v1(String path) {
        return base.v1(path);
    }

    /** A REST URL with the {@code version} parameter; {@code query} may be empty or start with '&'. */
    URI rest(String path, String query) {
        return base.rest(path + "?version=" + query(restVersion) + query);
    }

    /** An answer: the raw response and, for a 2xx with a body, its JSON. */
    record Answer(ApiResponse response, JsonNode json) {

        boolean successful() {
            return response.successful();
        }

        SnykApiException error() {
            return SnykApiException.from(response);
        }
    }

    Answer call(ApiRequest request) throws TransportException {
        return transport.exchange(request, response -> new Answer(response, bodyOf(request, response)));
    }

    /** A read that must succeed: its JSON, or the API's error. */
    JsonNode read(URI uri) throws TransportException, SnykApiException {
        Answer answer = call(ApiRequest.get(uri));
        if (!answer.successful()) {
            throw answer.error();
        }
        return answer.json();
    }

    private static JsonNode bodyOf(ApiRequest request, ApiResponse response) throws MalformedResponseException {
        String body = response.body();
        if (!response.successful()) {
            // An error whose JSON explanation is cut off cannot be classified (is it "already
            // exists"?): ask again. The error status says nothing was done, so even a write may repeat.
            if (body != null && (body.startsWith("{") || body.startsWith("[")) && !parses(body)) {
                throw new MalformedResponseException("HTTP " + response.status() + " with a cut-off body", true);
            }
            return null;
        }
        if (body == null || body.isBlank()) {
            if (request.read()) {
                throw new MalformedResponseException("empty body", false);
            }
            return null;
        }
        try {
            return SnykJson.WHOLE_BODY.readTree(body);
        } catch (IOException e) {
            if (request.read()) {
                throw new MalformedResponseException("not valid JSON", false);
            }
            // A write that succeeded stays a success; its answer is just not kept.
            return null;
        }
    }

    private static boolean parses(String body) {
        try {
            SnykJson.WHOLE_BODY.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Visits every item of a JSON:API collection, following {@code links.next}.
     *
     * @param maxPages pages to read at most; reading stops there
     * @return true when the collection was read to its end
     */
    boolean forEachItem(URI first, int maxPages, Consumer<JsonNode> visitor) throws TransportException, SnykApiException {
        URI page = first;
        int pages = 0;
        while (page != null) {
            if (pages >= Math.min(maxPages, MAX_PAGES)) {
                return false;
            }
            JsonNode json = read(page);
            pages++;
            JsonNode data = json.get("data");
            if (data == null || !data.isArray()) {
                throw new TransportException(ApiRequest.get(page).describe() + ": answer has no 'data' list", 1, false);
            }
            data.forEach(visitor);
            URI next = nextPage(json.path("links").get("next"));
            page = next == null || next.equals(page) || data.isEmpty() ? null : next;
        }
        return true;
    }

    /** True when a raw path has a segment that is {@code .} or {@code ..}, also percent-encoded. */
    static boolean hasDotSegment(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves a {@code links.next} that may be absolute, relative with or without the
     * {@code /rest} prefix, or an object with {@code href}. A link to another host is refused: the
     * token is only ever sent to the configured API.
     */
    URI nextPage(JsonNode link) throws TransportException {
        if (link != null && link.isObject()) {
            link = link.get("href");
        }
        if (link == null || link.isNull() || !link.isTextual() || link.asText().isBlank()) {
            return null;
        }
        String href = link.asText().trim();
        URI uri;
        if (href.startsWith("http://") || href.startsWith("https://")) {
            uri = URI.create(href);
            if (!base.sameOrigin(uri)) {
                throw new TransportException("The API answered with a next-page link to another host ("
                        + uri.getHost() + "); it was not followed", 1, false);
            }
        } else if (href.startsWith("/rest/")) {
            uri = URI.create(base.root() + href);
        } else {
            uri = base.rest(href.startsWith("/") ? href : "/" + href);
        }
        if (hasDotSegment(uri.getRawPath())) {
            throw new TransportException("The API answered with a next-page link whose path has '.' or '..' segments; "
                    + "it was not followed", 1, false);
        }
        String query = uri.getRawQuery();
        if (query == null || !(query.startsWith("version=") || query.contains("&version="))) {
            String separator = query == null ? "?" : "&";
            uri = URI.create(uri + separator + "version=" + query(restVersion));
        }
        return uri;
    }
}
