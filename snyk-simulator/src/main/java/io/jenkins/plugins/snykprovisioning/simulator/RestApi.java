package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.EmailFilter;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState.MembershipView;
import io.jenkins.plugins.snykprovisioning.simulator.model.OrgMembership;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import io.jenkins.plugins.snykprovisioning.simulator.model.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST (JSON:API) endpoints: {@code /self} and org and group memberships. */
final class RestApi {

    static final String JSON_API = "application/vnd.api+json";
    static final String MEMBERSHIP_EXISTS = "Org membership already exists";

    private static final Pattern VERSION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(~beta|~experimental)?");
    private static final List<String> FILTERS = List.of("email", "user_id", "username", "role_name");
    private static final int DEFAULT_LIMIT = 10;

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

    /** The org or group a membership list belongs to. */
    private record Container(Kind kind, String id, String name, boolean ssoConfigured) {
    }

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final Supplier<String> baseUrl;

    RestApi(SimulatorState state, SimulatorConfig config, Supplier<String> baseUrl) {
        this.state = state;
        this.config = config;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/rest/self", this::self);
        router.add("GET", "/rest/orgs/{orgId}/memberships", this::orgMemberships);
        router.add("POST", "/rest/orgs/{orgId}/memberships", this::createOrgMembership);
        router.add("PATCH", "/rest/orgs/{orgId}/memberships/{membershipId}", this::updateOrgMembership);
        router.add("DELETE", "/rest/orgs/{orgId}/memberships/{membershipId}", this::deleteOrgMembership);
        router.add("GET", "/rest/groups/{groupId}/memberships", this::groupMemberships);
    }

    /** Every REST call needs {@code version=YYYY-MM-DD}, optionally with {@code ~beta} or {@code ~experimental}. */
    static void requireVersion(ApiCall call) {
        String version = call.query().get("version");
        if (version == null) {
            throw ApiError.badRequest("The version query parameter is required, e.g. version=2024-10-15");
        }
        Matcher matcher = VERSION.matcher(version);
        boolean valid = matcher.matches();
        if (valid) {
            try {
                LocalDate.parse(matcher.group(1));
            } catch (DateTimeParseException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw ApiError.badRequest("The version '" + version + "' is not a valid API version (YYYY-MM-DD)");
        }
    }

    /** A service-account token describes itself as {@code service_account}, with a name only. */
    private ApiResponse self(ApiRequest request) {
        User user = state.read(() -> state.userById(request.token().userId()));
        Map<String, Object> data = request.token().type() == TokenType.SERVICE_ACCOUNT
                ? obj("id", user.id(), "type", "service_account", "attributes", obj("name", user.name()))
                : obj("id", user.id(), "type", "user",
                        "attributes", obj("name", user.name(), "username", user.username(), "email", user.email()));
        return ApiResponse.json(200, obj("jsonapi", ApiFamily.JSON_API_VERSION, "data", data,
                "links", obj("self", "/rest/self")));
    }

    private ApiResponse orgMemberships(ApiRequest request) {
        return state.read(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            return page(request, new Container(Kind.ORG, org.id, org.name, org.group.ssoConfigured),
                    state.orgMemberships(org));
        });
    }

    private ApiResponse groupMemberships(ApiRequest request) {
        return state.read(() -> {
            GroupState group = Access.group(state, request.token(), request.param("groupId"));
            return page(request, new Container(Kind.GROUP, group.id, group.name, group.ssoConfigured),
                    state.groupMemberships(group));
        });
    }

    /**
     * One page of a membership list: filters, {@code limit} (10..100), the {@code starting_after}
     * cursor (an opaque form of the last membership id of the previous page) and {@code links.next}
     * when more follow.
     */
    private ApiResponse page(ApiRequest request, Container container, List<MembershipView> all) {
        int limit = limit(request.query("limit"));
        Predicate<MembershipView> wanted = filter(request);
        String cursor = request.query("starting_after");
        String afterId = cursor == null ? null : decodeCursor(cursor);
        boolean started = afterId == null;
        List<MembershipView> page = new ArrayList<>();
        for (MembershipView view : all) {
            if (!started) {
                started = view.id().equals(afterId);
            } else if (wanted.test(view)) {
                page.add(view);
                if (page.size() > limit) {
                    break;
                }
            }
        }
        if (!started) {
            throw ApiError.badRequest("starting_after '" + cursor + "' does not point at a membership of this list");
        }
        Map<String, Object> links = obj();
        if (page.size() > limit) {
            page.remove(limit);
            links.put("next", nextLink(request, container, limit, page.get(limit - 1).id()));
        }
        List<Map<String, Object>> data = page.stream().map(view -> item(container, view)).toList();
        return ApiResponse.json(200, obj("jsonapi", ApiFamily.JSON_API_VERSION, "data", data, "links", links));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 10 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ApiError.badRequest("limit must be an integer from 10 to 100, not '" + text + "'");
    }

    private Predicate<MembershipView> filter(ApiRequest request) {
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
        return wanted;
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("starting_after '" + cursor + "' is not a valid cursor");
        }
    }

    /** The next page's link, in the configured style, repeating version, limit and filters. */
    private Object nextLink(ApiRequest request, Container container, int limit, String lastId) {
        StringBuilder path = new StringBuilder("/").append(container.kind().pathSegment).append('/')
                .append(container.id()).append("/memberships?version=").append(encode(request.query("version")))
                .append("&limit=").append(limit);
        for (String name : FILTERS) {
            String value = request.query(name);
            if (value != null) {
                path.append('&').append(name).append('=').append(encode(value));
            }
        }
        path.append("&starting_after=")
                .append(Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8)));
        return switch (config.getNextLinkStyle()) {
            case ABSOLUTE -> baseUrl.get() + "/rest" + path;
            case RELATIVE_WITH_REST -> "/rest" + path;
            case RELATIVE_WITHOUT_REST -> path.toString();
            case OBJECT -> obj("href", "/rest" + path);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

    /**
     * Adds an existing platform user to the org. A user who never logged in is a 422 (Snyk's
     * answer is undocumented); an existing membership is a 409.
     */
    private ApiResponse createOrgMembership(ApiRequest request) {
        JsonNode data = jsonApiData(request);
        if (!"org_membership".equals(data.path("type").asText())) {
            throw ApiError.badRequest("data.type must be org_membership");
        }
        JsonNode relationships = data.path("relationships");
        String userId = requiredId(relationships, "user");
        String roleId = requiredId(relationships, "role");
        String orgId = request.param("orgId");
        String bodyOrgId = relationships.path("org").path("data").path("id").asText(orgId);
        if (!bodyOrgId.equals(orgId)) {
            throw ApiError.badRequest("data.relationships.org.data.id does not match the org of the path");
        }
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), orgId);
            User user = state.userById(userId);
            if (user == null) {
                throw ApiError.notFound("User " + userId + " was not found");
            }
            if (!user.existsInPlatform()) {
                throw new ApiError(422, "User " + userId + " has never logged in to Snyk and cannot be added yet");
            }
            requireRole(org, roleId);
            if (org.membersByUserId.containsKey(userId)) {
                throw new ApiError(409, MEMBERSHIP_EXISTS + " for user " + userId);
            }
            OrgMembership membership = new OrgMembership(UUID.randomUUID().toString(), userId, roleId,
                    SimulatorState.now());
            org.putMember(membership);
            MembershipView view = new MembershipView(membership.id(), user, roleId,
                    org.group.rolesById.get(roleId).name(), membership.created());
            return ApiResponse.json(201, obj("jsonapi", ApiFamily.JSON_API_VERSION,
                    "data", item(new Container(Kind.ORG, org.id, org.name, org.group.ssoConfigured), view)));
        });
    }

    private ApiResponse updateOrgMembership(ApiRequest request) {
        JsonNode data = jsonApiData(request);
        String membershipId = request.param("membershipId");
        if (data.hasNonNull("id") && !data.get("id").asText().equals(membershipId)) {
            throw ApiError.badRequest("data.id does not match the membership of the path");
        }
        String roleId = requiredId(data.path("relationships"), "role");
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            OrgMembership membership = requireMembership(org, membershipId);
            requireRole(org, roleId);
            org.putMember(membership.withRole(roleId));
            return ApiResponse.empty(204);
        });
    }

    private ApiResponse deleteOrgMembership(ApiRequest request) {
        return state.write(() -> {
            OrgState org = Access.org(state, request.token(), request.param("orgId"));
            org.removeMember(requireMembership(org, request.param("membershipId")));
            return ApiResponse.empty(204);
        });
    }

    /** The {@code data} of a JSON:API request body, which must be sent as {@value #JSON_API}. */
    private static JsonNode jsonApiData(ApiRequest request) {
        String contentType = request.call().contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON_API)) {
            throw ApiError.badRequest("Content-Type must be " + JSON_API);
        }
        JsonNode data = Json.requestObject(request.body()).path("data");
        if (!data.isObject()) {
            throw ApiError.badRequest("The request body must have a data object");
        }
        return data;
    }

    private static String requiredId(JsonNode relationships, String name) {
        String id = relationships.path(name).path("data").path("id").asText("");
        if (id.isEmpty()) {
            throw ApiError.badRequest("data.relationships." + name + ".data.id is required");
        }
        return id;
    }

    private static void requireRole(OrgState org, String roleId) {
        if (!org.group.rolesById.containsKey(roleId)) {
            throw ApiError.badRequest("Role " + roleId + " does not exist in this group");
        }
    }

    private static OrgMembership requireMembership(OrgState org, String membershipId) {
        OrgMembership membership = org.memberById(membershipId);
        if (membership == null) {
            throw ApiError.notFound("Membership " + membershipId + " was not found in this org");
        }
        return membership;
    }
}
