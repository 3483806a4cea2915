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

    private final SnykEndpoint endpoint;

    ProvisionClient(SnykEndpoint endpoint) {
        this.endpoint = endpoint;
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

    public List<PendingProvision> listPending(String orgId) throws TransportException, SnykApiException {
        JsonNode json = endpoint.read(endpoint.v1("/org/" + SnykEndpoint.segment(orgId) + "/provision"));
        List<PendingProvision> pending = new ArrayList<>();
        for (JsonNode item : json) {
            String email = SnykJson.text(item, "email");
            if (email != null) {
                pending.add(new PendingProvision(email, SnykJson.text(item, "role"), SnykJson.text(item, "rolePublicId"),
                        SnykJson.text(item, "created")));
            }
        }
        return pending;
    }

    public Result provision(String orgId, String email, String rolePublicId) throws TransportException, SnykApiException {
        ObjectNode body = SnykJson.MAPPER.createObjectNode().put("email", email).put("rolePublicId", rolePublicId);
        SnykEndpoint.Answer answer = endpoint.call(ApiRequest.write("POST",
                endpoint.v1("/org/" + SnykEndpoint.segment(orgId) + "/provision"), body.toString(), ApiRequest.JSON));
        if (answer.successful()) {
            return new Provisioned(answer.json());
        }
        SnykApiException error = answer.error();
        if (isAlreadyExists(error)) {
            return new AlreadyExists(error, answer.response().attempts() > 1);
        }
        throw error;
    }

    public void deletePending(String orgId, String email) throws TransportException, SnykApiException {
        SnykEndpoint.Answer answer = endpoint.call(ApiRequest.write("DELETE",
                endpoint.v1("/org/" + SnykEndpoint.segment(orgId) + "/provision?email=" + SnykEndpoint.query(email)), null, null));
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
