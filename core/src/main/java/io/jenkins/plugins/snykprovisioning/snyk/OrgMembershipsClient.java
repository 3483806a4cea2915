package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.http.ApiRequest;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.List;
import java.util.Optional;

/** REST {@code /orgs/{orgId}/memberships}: adding existing users to an org and finding a member by email. */
public final class OrgMembershipsClient {

    private final SnykEndpoint endpoint;

    OrgMembershipsClient(SnykEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** What creating a membership came to. */
    public sealed interface CreateResult {
    }

    /** Created; {@code membership} is read from the answer and may lack fields Snyk left out. */
    public record Created(Membership membership, JsonNode body) implements CreateResult {
    }

    /** 409: the user is already a member ({@code retried}: perhaps because an earlier attempt worked). */
    public record AlreadyMember(SnykApiException detail, boolean retried) implements CreateResult {
    }

    private MembershipCollection of(String orgId) {
        return new MembershipCollection(endpoint, "/orgs/" + SnykEndpoint.segment(orgId) + "/memberships");
    }

    public Optional<Membership> findByEmail(String orgId, String email) throws TransportException, SnykApiException {
        List<Membership> found = of(orgId).byEmail(email);
        return found.stream().findFirst();
    }

    public CreateResult create(String orgId, String userId, String roleId) throws TransportException, SnykApiException {
        ObjectNode relationships = SnykJson.MAPPER.createObjectNode();
        relationships.putObject("org").putObject("data").put("id", orgId).put("type", "org");
        relationships.putObject("user").putObject("data").put("id", userId).put("type", "user");
        relationships.putObject("role").putObject("data").put("id", roleId).put("type", "org_role");
        ObjectNode body = SnykJson.MAPPER.createObjectNode();
        ObjectNode data = body.putObject("data").put("type", "org_membership");
        data.set("relationships", relationships);
        SnykEndpoint.Answer answer = endpoint.call(ApiRequest.write("POST",
                endpoint.rest("/orgs/" + SnykEndpoint.segment(orgId) + "/memberships", ""), body.toString(), ApiRequest.JSON_API));
        if (answer.successful()) {
            JsonNode json = answer.json();
            // The resource may come under "data" or at the top level.
            JsonNode resource = json == null ? null : json.has("data") ? json.get("data") : json;
            Membership created = resource == null ? new Membership(null, userId, null, roleId, null) : Membership.fromResource(resource);
            return new Created(created, json);
        }
        SnykApiException error = answer.error();
        if (error.status() == 409) {
            return new AlreadyMember(error, answer.response().attempts() > 1);
        }
        throw error;
    }
}
