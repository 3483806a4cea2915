package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import java.io.Closeable;
import java.io.IOException;

/** The Snyk API as this product uses it: one small client per resource over one transport. */
public final class SnykApi implements Closeable {

    public static final String DEFAULT_REST_VERSION = "2025-11-05";

    private final ApiTransport transport;
    private final RolesClient roles;
    private final ProvisionClient provisioning;
    private final OrgMembersClient orgMembers;
    private final OrgMembershipsClient orgMemberships;
    private final GroupMembershipsClient groupMemberships;
    private final SelfClient self;

    public SnykApi(SnykApiBase base, String restVersion, ApiTransport transport) {
        SnykEndpoint endpoint = new SnykEndpoint(base, checkedVersion(restVersion), transport);
        this.transport = transport;
        this.roles = new RolesClient(endpoint);
        this.provisioning = new ProvisionClient(endpoint);
        this.orgMembers = new OrgMembersClient(endpoint);
        this.orgMemberships = new OrgMembershipsClient(endpoint);
        this.groupMemberships = new GroupMembershipsClient(endpoint);
        this.self = new SelfClient(endpoint);
    }

    /** The REST {@code version} to send: the default when blank, else a date such as 2025-11-05. */
    public static String checkedVersion(String restVersion) {
        String version = restVersion == null || restVersion.isBlank() ? DEFAULT_REST_VERSION : restVersion.trim();
        if (!version.matches("\\d{4}-\\d{2}-\\d{2}(~(beta|experimental))?")) {
            throw new IllegalArgumentException("The REST API version must look like 2025-11-05, got '" + version + "'");
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

    public SelfClient self() {
        return self;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
