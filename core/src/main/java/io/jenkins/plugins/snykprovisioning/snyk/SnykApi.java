package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import java.io.Closeable;
import java.io.IOException;
import java.util.regex.Pattern;

/** The Snyk API as this product uses it: one small client per resource over one transport. */
public final class SnykApi implements Closeable {

    public static final String DEFAULT_REST_VERSION = "2025-11-05";

    private final ApiTransport transport;
    private final RolesClient roles;
    private final ProvisionClient provisioning;
    private final OrgMembersClient orgMembers;
    private final OrgMembershipsClient orgMemberships;
    private final GroupMembershipsClient groupMemberships;
    private final GroupUsersClient groupUsers;
    private final GroupOrgsClient groupOrgs;
    private final SelfClient self;
    private final RoleUpdates roleUpdates;

    public SnykApi(SnykApiUrl base, String restVersion, ApiTransport transport) {
        SnykCalls calls = new SnykCalls(base, checkedVersion(restVersion), transport);
        this.transport = transport;
        this.roles = new RolesClient(calls);
        this.provisioning = new ProvisionClient(calls);
        this.orgMembers = new OrgMembersClient(calls);
        this.orgMemberships = new OrgMembershipsClient(calls);
        this.groupMemberships = new GroupMembershipsClient(calls);
        this.groupUsers = new GroupUsersClient(calls);
        this.groupOrgs = new GroupOrgsClient(calls);
        this.self = new SelfClient(calls);
        this.roleUpdates = new RoleUpdates(orgMembers, orgMemberships);
    }

    /**
     * The {@code version} query parameter as Snyk's REST spec defines it ({@code QueryVersion}): a
     * date, optionally with a stability suffix, or a bare stability word.
     */
    static final Pattern REST_VERSION = Pattern.compile("(wip|work-in-progress|experimental|beta"
            + "|[0-9]{4}-[0-1][0-9]-(3[01]|0[1-9]|[12][0-9])(~(wip|work-in-progress|experimental|beta))?)");

    /** The REST {@code version} to send: the default when blank, else one {@link #REST_VERSION} accepts. */
    public static String checkedVersion(String restVersion) {
        String version = restVersion == null || restVersion.isBlank() ? DEFAULT_REST_VERSION : restVersion.trim();
        if (!REST_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("The REST API version must be a date such as 2025-11-05, optionally with "
                    + "~beta, ~experimental, ~wip or ~work-in-progress, or one of those words alone; got '" + version + "'");
        }
        return version;
    }

    public ApiTransport transport() {
        return transport;
    }

    public RolesClient roles() {
        return roles;
    }

    public ProvisionClient provisioning() {
        return provisioning;
    }

    public OrgMembersClient orgMembers() {
        return orgMembers;
    }

    public OrgMembershipsClient orgMemberships() {
        return orgMemberships;
    }

    public GroupMembershipsClient groupMemberships() {
        return groupMemberships;
    }

    public GroupUsersClient groupUsers() {
        return groupUsers;
    }

    public GroupOrgsClient groupOrgs() {
        return groupOrgs;
    }

    public SelfClient self() {
        return self;
    }

    public RoleUpdates roleUpdates() {
        return roleUpdates;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
