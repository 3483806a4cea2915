package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState.MembershipView;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.GroupMember;
import io.jenkins.plugins.snykprovisioning.simulator.model.OrgMembership;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import io.jenkins.plugins.snykprovisioning.simulator.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The V1 endpoints: provisioning, org members and their roles, group roles and members. */
final class V1Api {

    static final String NO_PROVISION_PERMISSION =
            "Provided API_KEY has no user provision permission or does not have permissions in role being provisioned";
    static final String SERVICE_ACCOUNT_CANNOT_PROVISION =
            "Service accounts cannot provision users; use the personal API token of an Org Admin";
    static final String SSO_ERROR_CODE = "1b5315d9-23ac-4345-a4db-8d6baf579047";
    static final String SSO_NOT_CONFIGURED =
            "The group of this organization has no valid SSO connection; users can only be provisioned with SSO";
    static final String USER_EXISTS_CODE = "84246666-373b-421a-9525-1ad740b3e787";
    static final String USER_EXISTS = "User already exists in the platform";
    static final String ALREADY_PROVISIONED = "User already provisioned to this organization";

    /** The deprecated {@code role} values and the default roles they stand for. */
    private static final Map<String, String> LEGACY_ROLES = Map.of(
            "ADMIN", Role.ORG_ADMIN,
            "COLLABORATOR", Role.ORG_COLLABORATOR,
            "RESTRICTED_COLLABORATOR", Role.ORG_RESTRICTED_COLLABORATOR);

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final Throttling throttling;

    V1Api(SimulatorState state, SimulatorConfig config, Throttling throttling) {
        this.state = state;
        this.config = config;
        this.throttling = throttling;
    }

    void register(Router router) {
        router.add("GET", "/v1/group/{groupId}/roles", this::groupRoles);
        router.add("GET", "/v1/group/{groupId}/members", this::groupMembers);
        router.add("GET", "/v1/org/{orgId}/provision", this::pendingProvisions);
        router.add("POST", "/v1/org/{orgId}/provision", this::provision);
        router.add("DELETE", "/v1/org/{orgId}/provision", this::cancelProvision);
        router.add("GET", "/v1/org/{orgId}/members", this::orgMembers);
        router.add("PUT", "/v1/org/{orgId}/members/update/{userId}", this::updateMemberRole);
        router.add("DELETE", "/v1/org/{orgId}/members/{userId}", this::removeMember);
    }

    private Reply groupRoles(RoutedRequest request) {
        return state.read(() -> Reply.json(200,
                List.copyOf(Access.group(state, request.token(), request.param("groupId")).rolesById.values())));
    }

    /** One page ({@code perPage}, {@code page} from 1) of the org's pending provisions, oldest first. */
    private Reply pendingProvisions(RoutedRequest request) {
        int perPage = Math.min(positive(request, "perPage", config.getPendingPageSize()), config.getPendingPageSize());
        int page = positive(request, "page", 1);
        return state.read(() -> {
            List<PendingProvision> all = List.copyOf(Access.org(state, request.token(), request.param("orgId")).pendingByEmail.values());
            long from = (long) (page - 1) * perPage;
            return Reply.json(200, from >= all.size() ? List.of()
                    : all.subList((int) from, (int) Math.min(all.size(), from + perPage)));
        });
    }

    private static int positive(RoutedRequest request, String name, int absent) {
        String text = request.query(name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ApiError.badRequest(name + " must be a whole number from 1, not '" + text + "'");
    }

    /**
     * Checks in this order: access, service account, provision permission, body, role, SSO, user
     * already in the platform, email already pending in this org.
     */
    private Reply provision(RoutedRequest request) {
        if (config.isV1ProvisioningGone()) {
            throw gone("POST /v1/org/{orgId}/provision");
        }
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            ApiToken token = request.token();
            if (token.type() == TokenType.SERVICE_ACCOUNT) {
                throw ApiError.forbidden(SERVICE_ACCOUNT_CANNOT_PROVISION);
            }
            if (!token.canProvision()) {
                throw ApiError.forbidden(NO_PROVISION_PERMISSION);
            }
            JsonNode body = Json.requestObject(request.body());
            String email = body.path("email").asText("").trim();
            if (!EMAIL.matcher(email).matches()) {
                throw ApiError.badRequest(email.isEmpty() ? "email is required" : "email '" + email + "' is not valid");
            }
            Role role = provisionedRole(org, body);
            if (!org.group.ssoConfigured) {
                throw new ApiError(400, SSO_NOT_CONFIGURED, SSO_ERROR_CODE);
            }
            User existing = state.userByEmailLocked(email);
            if (existing != null && existing.existsInPlatform()) {
                throw new ApiError(config.getExistingUserStatus(), USER_EXISTS, USER_EXISTS_CODE);
            }
            String key = SimulatorState.emailKey(email);
            if (org.pendingByEmail.containsKey(key)) {
                throw new ApiError(config.getExistingUserStatus(), ALREADY_PROVISIONED);
            }
            PendingProvision pending = new PendingProvision(email, role.name(), role.publicId(), SimulatorState.now());
            org.pendingByEmail.put(key, pending);
            return Reply.json(200, pending);
        });
    }

    private static Role provisionedRole(OrgState org, JsonNode body) {
        boolean hasPublicId = body.hasNonNull("rolePublicId");
        boolean hasLegacy = body.hasNonNull("role");
        if (hasPublicId && hasLegacy) {
            throw ApiError.badRequest("Provide either rolePublicId or role, not both");
        }
        if (hasPublicId) {
            Role role = org.group.rolesById.get(body.get("rolePublicId").asText());
            if (role == null) {
                throw ApiError.badRequest("Role " + body.get("rolePublicId").asText() + " does not exist in this group");
            }
            return role;
        }
        if (hasLegacy) {
            String roleName = LEGACY_ROLES.get(body.get("role").asText().toUpperCase(Locale.ROOT));
            Role role = roleName == null ? null : org.group.roleByName(roleName);
            if (role == null) {
                throw ApiError.badRequest("role must be one of " + String.join(", ", LEGACY_ROLES.keySet()));
            }
            return role;
        }
        throw ApiError.badRequest("rolePublicId is required");
    }

    private Reply cancelProvision(RoutedRequest request) {
        String email = request.query("email");
        if (email == null || email.isBlank()) {
            throw ApiError.badRequest("The email query parameter is required");
        }
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            if (org.pendingByEmail.remove(SimulatorState.emailKey(email)) == null) {
                throw ApiError.notFound("No pending provision for " + email + " in this organization");
            }
            return Reply.json(200, Map.of("ok", true));
        });
    }

    /**
     * The org's non-admin members, as Snyk documents the list: Org Admins and service accounts are
     * left out. {@code includeGroupAdmins=true} adds the group's admins, each with their role in
     * the org if they are a member, else "Group Admin".
     */
    private Reply orgMembers(RoutedRequest request) {
        boolean includeGroupAdmins = "true".equalsIgnoreCase(request.query("includeGroupAdmins"));
        return state.read(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            List<Map<String, Object>> members = new ArrayList<>();
            for (MembershipView view : state.orgMemberships(org)) {
                boolean groupAdmin = Access.isGroupAdmin(view.user().id(), org.group);
                boolean orgAdmin = org.group.rolesById.get(view.roleId()).isAdminDefaultRole();
                if (!state.isServiceAccount(view.user().id()) && (groupAdmin ? includeGroupAdmins : !orgAdmin)) {
                    members.add(member(view.user(), view.roleName()));
                }
            }
            if (includeGroupAdmins) {
                for (GroupMember admin : org.group.membersByUserId.values()) {
                    if (Access.isGroupAdmin(admin.userId(), org.group) && !org.membersByUserId.containsKey(admin.userId())) {
                        members.add(member(state.userById(admin.userId()), admin.roleName()));
                    }
                }
            }
            return Reply.json(200, members);
        });
    }

    private static Map<String, Object> member(User user, String roleName) {
        return obj("id", user.id(), "name", user.name(), "username", user.username(), "email", user.email(), "role", roleName);
    }

    /** Needs admin access to the org; 410 Gone when the simulator plays an end-of-life brownout. */
    private Reply updateMemberRole(RoutedRequest request) {
        if (config.isV1RoleUpdatesGone()) {
            throw gone("PUT /v1/org/{orgId}/members/update/{userId}");
        }
        String rolePublicId = Json.requestObject(request.body()).path("rolePublicId").asText("");
        if (rolePublicId.isEmpty()) {
            throw ApiError.badRequest("rolePublicId is required");
        }
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Access.requireOrgAdmin(request.token(), org, "Manage Users");
            if (!org.group.rolesById.containsKey(rolePublicId)) {
                throw ApiError.badRequest("Role " + rolePublicId + " does not exist in this group");
            }
            OrgMembership membership = org.membersByUserId.get(request.param("userId"));
            if (membership == null) {
                throw ApiError.notFound("User " + request.param("userId") + " is not a member of this organization");
            }
            org.putMember(membership.withRole(rolePublicId));
            return Reply.empty(200);
        });
    }

    /** Removes a member from the org; needs admin access (the "User Remove" permission). */
    private Reply removeMember(RoutedRequest request) {
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Access.requireOrgAdmin(request.token(), org, "User Remove");
            OrgMembership membership = org.membersByUserId.get(request.param("userId"));
            if (membership == null) {
                throw ApiError.notFound("User " + request.param("userId") + " is not a member of this organization");
            }
            org.removeMember(membership);
            return Reply.empty(200);
        });
    }

    private static ApiError gone(String endpoint) {
        return new ApiError(410, endpoint + " has reached its end of life and is unavailable (a brownout); "
                + "use the REST API where it offers the same");
    }

    /** Limited to one request per minute and token; service accounts are not listed. */
    private Reply groupMembers(RoutedRequest request) {
        return state.read(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            throttling.checkGroupMembersLimit(request.token());
            List<Map<String, Object>> members = new ArrayList<>();
            for (MembershipView view : state.groupMemberships(group)) {
                User user = view.user();
                if (state.isServiceAccount(user.id())) {
                    continue;
                }
                List<Map<String, Object>> orgs = new ArrayList<>();
                for (OrgState org : group.orgs) {
                    OrgMembership membership = org.membersByUserId.get(user.id());
                    if (membership != null) {
                        orgs.add(obj("name", org.name, "role", org.group.rolesById.get(membership.rolePublicId()).name()));
                    }
                }
                members.add(obj("id", user.id(), "name", user.name(), "username", user.username(),
                        "email", user.email(), "orgs", orgs, "groupRole", view.roleName()));
            }
            return Reply.json(200, members);
        });
    }
}
