package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.http.ApiRequest;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * REST {@code /orgs/{org_id}/memberships}: every member of an org with its role (Org Admins and,
 * as far as Snyk lists them, service accounts included), adding, re-roling and removing members.
 */
public final class OrgMembershipsClient {

    private final SnykCalls calls;

    OrgMembershipsClient(SnykCalls calls) {
        this.calls = calls;
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

    private static String collection(String orgId) {
        return "/orgs/" + SnykCalls.id("org", orgId) + "/memberships";
    }

    private MembershipCollection of(String orgId) {
        return new MembershipCollection(calls, collection(orgId));
    }

    public Optional<Membership> findByEmail(String orgId, String email) throws TransportException, SnykApiException {
        List<Membership> found = of(orgId).byEmail(email);
        return found.stream().findFirst();
    }

    /** The membership of the user with this id, if they are a member. */
    public Optional<Membership> findByUserId(String orgId, String userId) throws TransportException, SnykApiException {
        return of(orgId).byUserId(userId).stream().findFirst();
    }

    /** Visits every member of the org, 100 a page. */
    public void forEach(String orgId, Consumer<Membership> visitor) throws TransportException, SnykApiException {
        of(orgId).forEach(Integer.MAX_VALUE, visitor);
    }

    public CreateResult create(String orgId, String userId, String roleId) throws TransportException, SnykApiException {
        ObjectNode relationships = SnykJson.MAPPER.createObjectNode();
        relationships.putObject("org").putObject("data").put("id", SnykIds.require("org", orgId)).put("type", "org");
        relationships.putObject("user").putObject("data").put("id", SnykIds.require("user", userId)).put("type", "user");
        relationships.putObject("role").putObject("data").put("id", SnykIds.require("role", roleId)).put("type", "org_role");
        ObjectNode body = SnykJson.MAPPER.createObjectNode();
        ObjectNode data = body.putObject("data").put("type", "org_membership");
        data.set("relationships", relationships);
        SnykCalls.Answer answer = calls.call(ApiRequest.write("POST", calls.rest(collection(orgId), ""),
                body.toString(), ApiRequest.JSON_API));
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

    /**
     * Gives the membership another role. The spec calls {@code data.id} "the Snyk ID of the
     * organization" but, as in every JSON:API update, it is taken to be the membership's own id.
     */
    public void updateRole(String orgId, String membershipId, String roleId) throws TransportException, SnykApiException {
        ObjectNode body = SnykJson.MAPPER.createObjectNode();
        ObjectNode data = body.putObject("data").put("type", "org_membership").put("id", SnykIds.require("membership", membershipId));
        data.putObject("relationships").putObject("role").putObject("data").put("id", SnykIds.require("role", roleId))
                .put("type", "org_role");
        succeed(ApiRequest.write("PATCH", calls.rest(member(orgId, membershipId), ""), body.toString(), ApiRequest.JSON_API));
    }

    /** Removes the membership: the user leaves the org. */
    public void delete(String orgId, String membershipId) throws TransportException, SnykApiException {
        succeed(ApiRequest.write("DELETE", calls.rest(member(orgId, membershipId), ""), null, null));
    }

    private static String member(String orgId, String membershipId) {
        return collection(orgId) + "/" + SnykCalls.id("membership", membershipId);
    }

    private void succeed(ApiRequest request) throws TransportException, SnykApiException {
        SnykCalls.Answer answer = calls.call(request);
        if (!answer.successful()) {
            throw answer.error();
        }
    }
}
