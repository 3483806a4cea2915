package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.EmailFilter;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState.MembershipView;
import io.jenkins.plugins.snykprovisioning.simulator.model.GroupMember;
import io.jenkins.plugins.snykprovisioning.simulator.model.Invite;
import io.jenkins.plugins.snykprovisioning.simulator.model.OrgMembership;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import io.jenkins.plugins.snykprovisioning.simulator.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The REST (JSON:API) endpoints: {@code /self}, org and group memberships, a user's org
 * memberships in a group, and org invitations. Requests reach these handlers already checked
 * against Snyk's spec (unless the simulator is lenient); writes need an admin's permissions.
 */
final class RestApi {

    static final String MEMBERSHIP_EXISTS = "Org membership already exists";

    /** What differs between the org and the group membership lists. */
    private enum Kind {
        ORG("org_membership", "org", "org_role", "orgs"),
        GROUP("group_membership", "group", "group_role", "groups");

        final String membershipType;
        final String containerType;
        final String roleType;
        final String pathSegment;

        Kind(String membershipType, String containerType, String roleType, String pathSegment) {
            this.membershipType = membershipType;
            this.containerType = containerType;
            this.roleType = roleType;
            this.pathSegment = pathSegment;
        }
    }

    /** The org or group a membership belongs to. */
    private record Container(Kind kind, String id, String name, boolean ssoConfigured) {

        static Container of(OrgState org) {
            return new Container(Kind.ORG, org.id, org.name, org.group.ssoConfigured);
        }

        static Container of(GroupState group) {
            return new Container(Kind.GROUP, group.id, group.name, group.ssoConfigured);
        }

        String path() {
            return "/" + kind.pathSegment + "/" + id + "/memberships";
        }
    }

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final JsonApi jsonApi;

    RestApi(SimulatorState state, SimulatorConfig config, Supplier<String> baseUrl) {
        this.state = state;
        this.config = config;
        this.jsonApi = new JsonApi(config, baseUrl);
    }

    void register(Router router) {
        router.add("GET", "/rest/self", this::self);
        router.add("GET", "/rest/orgs/{orgId}/memberships", this::orgMemberships);
        router.add("POST", "/rest/orgs/{orgId}/memberships", this::createOrgMembership);
        router.add("PATCH", "/rest/orgs/{orgId}/memberships/{membershipId}", this::updateOrgMembership);
        router.add("DELETE", "/rest/orgs/{orgId}/memberships/{membershipId}", this::deleteOrgMembership);
        router.add("GET", "/rest/groups/{groupId}/memberships", this::groupMemberships);
        router.add("POST", "/rest/groups/{groupId}/memberships", this::createGroupMembership);
        router.add("PATCH", "/rest/groups/{groupId}/memberships/{membershipId}", this::updateGroupMembership);
        router.add("DELETE", "/rest/groups/{groupId}/memberships/{membershipId}", this::deleteGroupMembership);
        router.add("GET", "/rest/groups/{groupId}/org_memberships", this::userOrgMemberships);
        router.add("GET", "/rest/groups/{groupId}/orgs", this::groupOrgs);
        router.add("GET", "/rest/orgs/{orgId}/invites", this::invites);
        router.add("POST", "/rest/orgs/{orgId}/invites", this::createInvite);
        router.add("DELETE", "/rest/orgs/{orgId}/invites/{inviteId}", this::deleteInvite);
    }

    /** A service-account token describes itself as {@code service_account}, with a name only. */
    private Reply self(RoutedRequest request) {
        User user = state.read(() -> state.userById(request.token().userId()));
        Map<String, Object> data = request.token().type() == TokenType.SERVICE_ACCOUNT
                ? obj("id", user.id(), "type", "service_account", "attributes", obj("name", user.name()))
                : obj("id", user.id(), "type", "user", "attributes", obj("name", user.name(), "username", user.username(),
                        "email", user.email(), "avatar_url", "https://avatars.invalid/" + user.id()));
        return Reply.json(200, obj("jsonapi", JsonApi.VERSION, "data", data, "links", obj("self", "/self")));
    }

    // ---- org memberships --------------------------------------------------------------------

    private Reply orgMemberships(RoutedRequest request) {
        return state.read(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Container container = Container.of(org);
            return jsonApi.page(request, container.path(), filtered(request, state.orgMemberships(org)), MembershipView::id,
                    view -> item(container, view), null);
        });
    }

    /** Adds an existing platform user to the org; an existing membership is a 409. */
    private Reply createOrgMembership(RoutedRequest request) {
        JsonNode data = JsonApi.data(request);
        String userId = JsonApi.relationshipId(data, "user");
        String roleId = JsonApi.relationshipId(data, "role");
        String orgId = request.param("orgId");
        if (!JsonApi.relationshipId(data, "org").equals(orgId)) {
            throw ApiError.badRequest("data.relationships.org.data.id does not match the org of the path")
                    .atPointer("/data/relationships/org/data/id");
        }
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), orgId);
            Access.requireOrgAdmin(request.token(), org, "org.membership.add");
            User user = platformUser(userId);
            Role role = orgRole(org, roleId);
            if (org.membersByUserId.containsKey(userId)) {
                throw new ApiError(409, MEMBERSHIP_EXISTS + " for user " + userId);
            }
            OrgMembership membership = new OrgMembership(UUID.randomUUID().toString(), userId, roleId, SimulatorState.now());
            org.putMember(membership);
            Container container = Container.of(org);
            return jsonApi.created(container.path(), membership.id(), item(container,
                    new MembershipView(membership.id(), user, roleId, role.name(), membership.created())));
        });
    }

    /**
     * Gives the membership another role. The spec calls {@code data.id} "the Snyk ID of the
     * organization"; as in every JSON:API update it is taken to be the membership's id.
     */
    private Reply updateOrgMembership(RoutedRequest request) {
        JsonNode data = JsonApi.data(request);
        String membershipId = request.param("membershipId");
        requireSameId(data, membershipId);
        String roleId = JsonApi.relationshipId(data, "role");
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Access.requireOrgAdmin(request.token(), org, "org.membership.edit");
            OrgMembership membership = orgMembership(org, membershipId);
            orgRole(org, roleId);
            org.putMember(membership.withRole(roleId));
            return Reply.empty(204);
        });
    }

    private Reply deleteOrgMembership(RoutedRequest request) {
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Access.requireOrgAdmin(request.token(), org, "org.membership.delete");
            org.removeMember(orgMembership(org, request.param("membershipId")));
            return Reply.empty(204);
        });
    }

    // ---- group memberships ------------------------------------------------------------------

    private Reply groupMemberships(RoutedRequest request) {
        return state.read(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            Container container = Container.of(group);
            return jsonApi.page(request, container.path(), filtered(request, state.groupMemberships(group)),
                    MembershipView::id, view -> item(container, view), null);
        });
    }

    /** Makes a platform user an explicit member of the group; an explicit member already is a 409. */
    private Reply createGroupMembership(RoutedRequest request) {
        JsonNode data = JsonApi.data(request);
        String userId = JsonApi.relationshipId(data, "user");
        String roleId = JsonApi.relationshipId(data, "role");
        String groupId = request.param("groupId");
        if (!JsonApi.relationshipId(data, "group").equals(groupId)) {
            throw ApiError.badRequest("data.relationships.group.data.id does not match the group of the path")
                    .atPointer("/data/relationships/group/data/id");
        }
        return state.write(() -> {
            GroupState group = Access.group(state, request.token(), groupId);
            Access.requireGroupAdmin(request.token(), group, "group.membership.add");
            User user = platformUser(userId);
            String roleName = groupRoleName(roleId);
            if (group.membersByUserId.containsKey(userId)) {
                throw new ApiError(409, "Group membership already exists for user " + userId);
            }
            GroupMember member = new GroupMember(UUID.randomUUID().toString(), userId, roleName, SimulatorState.now());
            group.membersByUserId.put(userId, member);
            Container container = Container.of(group);
            return jsonApi.created(container.path(), member.membershipId(), item(container,
                    new MembershipView(member.membershipId(), user, roleId, roleName, member.created())));
        });
    }

    /** Gives a group membership another group role; an implicit one becomes explicit with it. */
    private Reply updateGroupMembership(RoutedRequest request) {
        JsonNode data = JsonApi.data(request);
        String membershipId = request.param("membershipId");
        String roleName = groupRoleName(JsonApi.relationshipId(data, "role"));
        return state.write(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            Access.requireGroupAdmin(request.token(), group, "group.membership.edit");
            MembershipView view = groupMembership(group, membershipId);
            group.membersByUserId.put(view.user().id(), new GroupMember(view.id(), view.user().id(), roleName, view.created()));
            return Reply.empty(204);
        });
    }

    /**
     * Ends a group membership. With {@code cascade=true} the user also leaves every org of the
     * group; without it, a user who is still in an org of the group is a 409.
     */
    private Reply deleteGroupMembership(RoutedRequest request) {
        boolean cascade = "true".equals(request.query("cascade"));
        return state.write(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            Access.requireGroupAdmin(request.token(), group, "group.membership.delete");
            String userId = groupMembership(group, request.param("membershipId")).user().id();
            List<OrgState> orgs = group.orgs.stream().filter(org -> org.membersByUserId.containsKey(userId)).toList();
            if (!orgs.isEmpty() && !cascade) {
                throw new ApiError(409, "User " + userId + " is still a member of " + orgs.size()
                        + " org(s) of the group; delete with cascade=true to remove those memberships too");
            }
            orgs.forEach(org -> org.removeMember(org.membersByUserId.get(userId)));
            group.membersByUserId.remove(userId);
            return Reply.empty(204);
        });
    }

    /** The org memberships of one user ({@code user_id}) in the orgs of the group. */
    private Reply userOrgMemberships(RoutedRequest request) {
        String userId = request.query("user_id");
        if (userId == null) {
            throw ApiError.badRequest("The query parameter 'user_id' is required").atParameter("user_id");
        }
        String orgName = request.query("org_name");
        String roleName = request.query("role_name");
        return state.read(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            User user = state.userById(userId);
            List<Map<String, Object>> items = new ArrayList<>();
            for (OrgState org : group.orgs) {
                OrgMembership membership = user == null ? null : org.membersByUserId.get(userId);
                Role role = membership == null ? null : org.group.rolesById.get(membership.rolePublicId());
                if (role != null && (orgName == null || org.name.toLowerCase(Locale.ROOT).contains(orgName.toLowerCase(Locale.ROOT)))
                        && (roleName == null || role.name().equalsIgnoreCase(roleName))) {
                    items.add(obj("id", membership.id(), "type", "org_membership", "attributes", obj("created_at", membership.created()),
                            "relationships", obj(
                                    "org", obj("data", obj("id", org.id, "type", "org", "attributes", obj("name", org.name))),
                                    "role", obj("data", obj("id", role.publicId(), "type", "org_role",
                                            "attributes", obj("name", role.name()))),
                                    "user", obj("data", obj("id", user.id(), "type", "user", "attributes", obj(
                                            "name", user.name(), "username", user.username(), "email", user.email()))))));
                }
            }
            return jsonApi.page(request, "/groups/" + group.id + "/org_memberships", items, item -> (String) item.get("id"),
                    item -> item, obj("org_membership_count", items.size()));
        });
    }

    /** The group's orgs, in the order they were added; {@code name} filters by substring, {@code slug} exactly. */
    private Reply groupOrgs(RoutedRequest request) {
        String name = request.query("name");
        String slug = request.query("slug");
        return state.read(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            List<OrgState> orgs = group.orgs.stream()
                    .filter(org -> name == null || org.name.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                    .filter(org -> slug == null || slugOf(org).equals(slug))
                    .toList();
            return jsonApi.page(request, "/groups/" + group.id + "/orgs", orgs, org -> org.id,
                    org -> obj("id", org.id, "type", "org", "attributes", obj("name", org.name, "slug", slugOf(org),
                            "is_personal", false, "group_id", group.id)), null);
        });
    }

    private static String slugOf(OrgState org) {
        return org.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    // ---- invitations ------------------------------------------------------------------------

    private Reply invites(RoutedRequest request) {
        return state.read(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            return jsonApi.page(request, "/orgs/" + org.id + "/invites", List.copyOf(org.invitesById.values()), Invite::id,
                    invite -> invite(org, invite, org.group.rolesById.get(invite.rolePublicId()).name()), null);
        });
    }

    /** Invites an email with a role (its public id); the answer gives the role as that id. */
    private Reply createInvite(RoutedRequest request) {
        JsonNode attributes = JsonApi.data(request).path("attributes");
        String email = attributes.path("email").asText("").trim();
        String roleId = attributes.path("role").asText("");
        if (!V1Api.EMAIL.matcher(email).matches()) {
            throw ApiError.badRequest("email '" + email + "' is not valid").atPointer("/data/attributes/email");
        }
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Access.requireOrgAdmin(request.token(), org, "org.user.invite");
            orgRole(org, roleId);
            Invite invite = new Invite(UUID.randomUUID().toString(), email, roleId, SimulatorState.now());
            org.invitesById.put(invite.id(), invite);
            return jsonApi.created("/orgs/" + org.id + "/invites", invite.id(), invite(org, invite, roleId));
        });
    }

    private Reply deleteInvite(RoutedRequest request) {
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            Access.requireOrgAdmin(request.token(), org, "org.user.invite");
            if (org.invitesById.remove(request.param("inviteId")) == null) {
                throw ApiError.notFound("Invitation " + request.param("inviteId") + " was not found in this org");
            }
            return Reply.empty(204);
        });
    }

    /** An invitation; {@code role} is the role's name in listings and its public id in a creation's answer. */
    private static Map<String, Object> invite(OrgState org, Invite invite, String role) {
        return obj("id", invite.id(), "type", "org_invitation",
                "attributes", obj("email", invite.email(), "is_active", true, "role", role),
                "relationships", obj("org", obj("data", obj("id", org.id, "type", "org"),
                        "links", obj("related", "/orgs/" + org.id))));
    }

    // ---- shared ------------------------------------------------------------------------------

    /** The list filters; how {@code email} matches is Snyk's undocumented choice, configurable here. */
    private List<MembershipView> filtered(RoutedRequest request, List<MembershipView> all) {
        Predicate<MembershipView> wanted = view -> true;
        String email = request.query("email");
        if (email != null) {
            String lower = email.toLowerCase(Locale.ROOT);
            wanted = config.getEmailFilter() == EmailFilter.EXACT
                    ? view -> view.user().email().equalsIgnoreCase(email)
                    : view -> view.user().email().toLowerCase(Locale.ROOT).contains(lower);
        }
        String userId = request.query("user_id");
        if (userId != null) {
            wanted = wanted.and(view -> view.user().id().equals(userId));
        }
        String username = request.query("username");
        if (username != null) {
            wanted = wanted.and(view -> view.user().username().equalsIgnoreCase(username));
        }
        String roleName = request.query("role_name");
        if (roleName != null) {
            wanted = wanted.and(view -> view.roleName().equalsIgnoreCase(roleName));
        }
        return all.stream().filter(wanted).toList();
    }

    private static Map<String, Object> item(Container container, MembershipView view) {
        User user = view.user();
        Kind kind = container.kind();
        return obj("id", view.id(), "type", kind.membershipType,
                "attributes", obj("created_at", view.created()),
                "relationships", obj(
                        kind.containerType, obj("data", obj("id", container.id(), "type", kind.containerType,
                                "attributes", obj("name", container.name()))),
                        "role", obj("data", obj("id", view.roleId(), "type", kind.roleType,
                                "attributes", obj("name", view.roleName()))),
                        "user", obj("data", obj("id", user.id(), "type", "user",
                                "attributes", obj("email", user.email(), "name", user.name(),
                                        "username", user.username(),
                                        "login_method", container.ssoConfigured() ? "saml" : "standard")))));
    }

    private static void requireSameId(JsonNode data, String id) {
        if (data.hasNonNull("id") && !data.get("id").asText().equals(id)) {
            throw ApiError.badRequest("data.id does not match the membership of the path").atPointer("/data/id");
        }
    }

    /** A user who has logged in to Snyk; one who never did has no account REST could add yet. */
    private User platformUser(String userId) {
        User user = state.userById(userId);
        if (user == null || !user.existsInPlatform()) {
            throw ApiError.notFound("User " + userId + " was not found");
        }
        return user;
    }

    private static Role orgRole(OrgState org, String roleId) {
        Role role = org.group.rolesById.get(roleId);
        if (role == null) {
            throw ApiError.badRequest("Role " + roleId + " does not exist in this group");
        }
        return role;
    }

    private static String groupRoleName(String roleId) {
        for (String name : SimulatorState.GROUP_ROLES) {
            if (SimulatorState.groupRoleId(name).equals(roleId)) {
                return name;
            }
        }
        throw ApiError.badRequest("Group role " + roleId + " does not exist");
    }

    private static OrgMembership orgMembership(OrgState org, String membershipId) {
        OrgMembership membership = org.memberById(membershipId);
        if (membership == null) {
            throw ApiError.notFound("Membership " + membershipId + " was not found in this org");
        }
        return membership;
    }

    private MembershipView groupMembership(GroupState group, String membershipId) {
        for (MembershipView view : state.groupMemberships(group)) {
            if (view.id().equals(membershipId)) {
                return view;
            }
        }
        throw ApiError.notFound("Membership " + membershipId + " was not found in this group");
    }
}
