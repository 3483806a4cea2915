package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.http.ApiRequest;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** V1 {@code /org/{orgId}/provision}: provisioning users who have never logged in. */
public final class ProvisionClient {

    /** Pending provisions asked for per page; Snyk documents no default and no largest value. */
    static final int PENDING_PER_PAGE = 100;
    /** A bound on the pages read, so a server that ignores {@code page} cannot keep the client reading forever. */
    static final int MAX_PENDING_PAGES = 1_000;
    /** Snyk's end-of-life brownouts of V1 endpoints answer 410 Gone. */
    static final int GONE = 410;

    private final SnykCalls calls;

    ProvisionClient(SnykCalls calls) {
        this.calls = calls;
    }

    /** What a provision call came to. */
    public sealed interface Result {
    }

    /** Snyk created the pending provision; {@code body} is its answer (null if unreadable). */
    public record Provisioned(JsonNode body) implements Result {
    }

    /**
     * The user exists in the platform or is already provisioned here. {@code retried} is true when
     * an earlier attempt of this same call may have been the one that created it.
     */
    public record AlreadyExists(SnykApiException detail, boolean retried) implements Result {
    }

    /**
     * Every pending provision of the org, page by page ({@code perPage}, {@code page} from 1).
     * Snyk documents neither a largest page nor how the last one is told, so reading stops at an
     * empty page, one shorter than the longest seen, or one that repeats the page before: a server
     * that gives fewer than asked per page is still read to its end, one that ignores {@code page}
     * is read once.
     */
    public List<PendingUser> listPending(String orgId) throws TransportException, SnykApiException {
        String path = "/org/" + SnykCalls.id("org", orgId) + "/provision?perPage=" + PENDING_PER_PAGE + "&page=";
        List<PendingUser> pending = new ArrayList<>();
        int longest = 0;
        JsonNode previous = null;
        for (int page = 1; page <= MAX_PENDING_PAGES; page++) {
            JsonNode json = calls.read(calls.v1(path + page));
            if (!json.isArray()) {
                throw new TransportException("GET " + path + page + ": the answer is not a list", 1, false);
            }
            if (json.equals(previous)) {
                // The server ignores page and sent the same list again: it was the whole list.
                return pending;
            }
            previous = json;
            for (JsonNode item : json) {
                String email = SnykJson.text(item, "email");
                if (email != null) {
                    pending.add(new PendingUser(email, SnykJson.text(item, "role"), SnykJson.text(item, "rolePublicId"),
                            SnykJson.text(item, "created")));
                }
            }
            if (json.isEmpty() || json.size() < longest) {
                return pending;
            }
            longest = json.size();
        }
        throw new TransportException("GET /org/" + orgId + "/provision: still more pages after " + MAX_PENDING_PAGES
                + "; the pending provisions were not read to their end", 1, false);
    }

    public Result provision(String orgId, String email, String rolePublicId) throws TransportException, SnykApiException {
        ObjectNode body = SnykJson.MAPPER.createObjectNode().put("email", email)
                .put("rolePublicId", SnykIds.require("role", rolePublicId));
        SnykCalls.Answer answer = calls.call(ApiRequest.write("POST",
                calls.v1("/org/" + SnykCalls.id("org", orgId) + "/provision"), body.toString(), ApiRequest.JSON));
        if (answer.successful()) {
            return new Provisioned(answer.json());
        }
        SnykApiException error = answer.error();
        if (error.status() == GONE) {
            throw new SnykApiException(GONE, "Snyk answered 410 Gone to V1 provisioning (an end-of-life brownout or its "
                    + "removal); provisioning has no REST equivalent, so the user was not provisioned"
                    + (error.apiMessage() == null ? "" : ": " + error.apiMessage()), "gone", error.code(), error.requestId());
        }
        if (isAlreadyExists(error)) {
            return new AlreadyExists(error, answer.response().attempts() > 1);
        }
        throw error;
    }

    public void deletePending(String orgId, String email) throws TransportException, SnykApiException {
        SnykCalls.Answer answer = calls.call(ApiRequest.write("DELETE",
                calls.v1("/org/" + SnykCalls.id("org", orgId) + "/provision?email=" + SnykCalls.query(email)), null, null));
        if (!answer.successful()) {
            throw answer.error();
        }
    }

    /**
     * Snyk does not document this answer: 409, or 403/400 whose text says the user already exists
     * or is already provisioned. Judged by status and text together, never by a code alone.
     */
    static boolean isAlreadyExists(SnykApiException error) {
        if (error.status() == 409) {
            return true;
        }
        if (error.status() != 403 && error.status() != 400) {
            return false;
        }
        String text = error.apiMessage() == null ? "" : error.apiMessage().toLowerCase(Locale.ROOT);
        return text.contains("already exists") || text.contains("already provisioned");
    }
}
