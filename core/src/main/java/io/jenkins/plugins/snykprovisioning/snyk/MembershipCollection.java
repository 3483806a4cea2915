package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reading a REST memberships collection ({@code /orgs/{id}/memberships} or {@code /groups/{id}/memberships}). */
final class MembershipCollection {

    private final SnykCalls calls;
    private final String path;

    MembershipCollection(SnykCalls calls, String path) {
        this.calls = calls;
        this.path = path;
    }

    /**
     * Memberships of one email. Whether Snyk's {@code email} filter matches exactly is not
     * documented, so results are kept only on exact, case-insensitive equality.
     */
    List<Membership> byEmail(String email) throws TransportException, SnykApiException {
        List<Membership> found = new ArrayList<>();
        calls.forEachItem(calls.rest(path, "&email=" + SnykCalls.query(email) + "&limit=" + SnykCalls.PAGE_LIMIT),
                Integer.MAX_VALUE, item -> {
                    Membership membership = Membership.fromResource(item);
                    if (email.equalsIgnoreCase(membership.email())) {
                        found.add(membership);
                    }
                });
        return found;
    }

    /** The membership of one user (the {@code user_id} filter), kept only when its user id is that one. */
    List<Membership> byUserId(String userId) throws TransportException, SnykApiException {
        List<Membership> found = new ArrayList<>();
        calls.forEachItem(calls.rest(path, "&user_id=" + SnykCalls.id("user", userId) + "&limit=" + SnykCalls.PAGE_LIMIT),
                Integer.MAX_VALUE, item -> {
                    Membership membership = Membership.fromResource(item);
                    if (userId.equalsIgnoreCase(membership.userId())) {
                        found.add(membership);
                    }
                });
        return found;
    }

    /** Every membership, up to {@code maxPages} pages of 100; true when the list was read to its end. */
    boolean forEach(int maxPages, Consumer<Membership> visitor) throws TransportException, SnykApiException {
        return calls.forEachItem(calls.rest(path, "&limit=" + SnykCalls.PAGE_LIMIT), maxPages,
                item -> visitor.accept(Membership.fromResource(item)));
    }
}
