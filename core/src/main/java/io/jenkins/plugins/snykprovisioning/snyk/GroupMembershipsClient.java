package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** REST {@code /groups/{groupId}/memberships}: finding existing platform users of a group. */
public final class GroupMembershipsClient {

    private final SnykCalls calls;

    GroupMembershipsClient(SnykCalls calls) {
        this.calls = calls;
    }

    private MembershipCollection of(String groupId) {
        return new MembershipCollection(calls, "/groups/" + SnykCalls.id("group", groupId) + "/memberships");
    }

    /** The group member with this email (exact, case-insensitive), if any. */
    public Optional<Membership> findByEmail(String groupId, String email) throws TransportException, SnykApiException {
        List<Membership> found = of(groupId).byEmail(email);
        return found.stream().filter(m -> m.userId() != null).findFirst();
    }

    /** The group membership of the user with this id, if any. */
    public Optional<Membership> findByUserId(String groupId, String userId) throws TransportException, SnykApiException {
        return of(groupId).byUserId(userId).stream().findFirst();
    }

    /** Visits up to {@code maxPages} pages of members; true when all were visited. */
    public boolean forEach(String groupId, int maxPages, Consumer<Membership> visitor) throws TransportException, SnykApiException {
        return of(groupId).forEach(maxPages, visitor);
    }
}
