package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reading a REST memberships collection ({@code /orgs/{id}/memberships} or {@code /groups/{id}/memberships}). */
final class MembershipCollection {

    private final SnykEndpoint endpoint;
    private final String path;

    MembershipCollection(SnykEndpoint endpoint, String path) {
        this.endpoint = endpoint;
        this.path = path;
    }

    /**
     * Memberships of one email. Whether Snyk's {@code email} filter matches exactly is not
     * documented, so results are kept only on exact, case-insensitive equality.
     */
    List<Membership> byEmail(String email) throws TransportException, SnykApiException {
        List<Membership> found = new ArrayList<>();
        endpoint.forEachItem(endpoint.rest(path, "&email=" + SnykEndpoint.query(email) + "&limit=" + SnykEndpoint.PAGE_LIMIT),
                Integer.MAX_VALUE, item -> {
                    Membership membership = Membership.fromResource(item);
                    if (email.equalsIgnoreCase(membership.email())) {
                        found.add(membership);
                    }
                });
        return found;
    }

    /** Every membership, up to {@code maxPages} pages of 100; true when the list was read to its end. */
    boolean forEach(int maxPages, Consumer<Membership> visitor) throws TransportException, SnykApiException {
        return endpoint.forEachItem(endpoint.rest(path, "&limit=" + SnykEndpoint.PAGE_LIMIT), maxPages,
                item -> visitor.accept(Membership.fromResource(item)));
    }
}
