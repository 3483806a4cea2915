package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.Group;
import io.jenkins.plugins.snykprovisioning.simulator.model.GroupMember;
import io.jenkins.plugins.snykprovisioning.simulator.model.Invite;
import io.jenkins.plugins.snykprovisioning.simulator.model.Org;
import io.jenkins.plugins.snykprovisioning.simulator.model.OrgMembership;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.StateCounts;
import io.jenkins.plugins.snykprovisioning.simulator.model.StateSnapshot;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import io.jenkins.plugins.snykprovisioning.simulator.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the simulated Snyk tenant knows: users, tokens, groups with roles, orgs with members
 * and pending provisions. Thread-safe: every method takes a read or write lock, and the API
 * handlers run each request's check-then-change under one write lock.
 *
 * <p>The "group memberships" of a group are its explicit members plus every member of an org of
 * the group, one per user; an implicit one has the group role {@value #IMPLICIT_GROUP_ROLE}.
 */
public final class SimulatorState {

    public static final String IMPLICIT_GROUP_ROLE = "Group Member";
    public static final String GROUP_ADMIN_ROLE = "Group Admin";
    /** The group roles a group membership may be given through REST. */
    static final List<String> GROUP_ROLES = List.of(GROUP_ADMIN_ROLE, IMPLICIT_GROUP_ROLE, "Group Viewer");

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, User> usersById = new LinkedHashMap<>();
    private final Map<String, String> userIdsByEmail = new HashMap<>();
    private final Map<String, ApiToken> tokensByValue = new LinkedHashMap<>();
    private final Set<String> serviceAccountUserIds = new HashSet<>();
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private final Map<String, OrgState> orgs = new LinkedHashMap<>();

    /** A membership as the list endpoints show it, for an org or a group. */
    record MembershipView(String id, User user, String roleId, String roleName, String created) {
    }

    public static StateBuilder builder() {
        return new StateBuilder();
    }

    // ---- construction and runtime changes -------------------------------------------------

    /** Adds a user; a null {@code id} gets a random UUID. Emails are unique, ignoring case. */
    public User addUser(String id, String email, String name, String username, boolean existsInPlatform) {
        User user = new User(id == null ? UUID.randomUUID().toString() : id, email, name, username,
                existsInPlatform);
        return write(() -> {
            if (usersById.containsKey(user.id())) {
                throw new IllegalArgumentException("Duplicate user id " + user.id());
            }
            if (userIdsByEmail.containsKey(emailKey(email))) {
                throw new IllegalArgumentException("Duplicate user email " + email);
            }
            usersById.put(user.id(), user);
            userIdsByEmail.put(emailKey(email), user.id());
            return user;
        });
    }

    public ApiToken addToken(ApiToken token) {
        return write(() -> {
            requireUser(token.userId());
            if (tokensByValue.containsKey(token.value())) {
                throw new IllegalArgumentException("Duplicate token value for label " + token.label());
            }
            tokensByValue.put(token.value(), token);
            if (token.type() == TokenType.SERVICE_ACCOUNT) {
                serviceAccountUserIds.add(token.userId());
            }
            return token;
        });
    }

    /**
     * Adds a group with Snyk's default org roles, whose public ids are
     * {@link #defaultRoleId(String, String)} of the group id and role name.
     */
    public Group addGroup(String id, String name, boolean ssoConfigured) {
        return write(() -> {
            if (groups.containsKey(id)) {
                throw new IllegalArgumentException("Duplicate group id " + id);
            }
            GroupState group = new GroupState(id, name, ssoConfigured);
            String created = now();
            for (String[] role : new String[][] {
                    {Role.ORG_ADMIN, "Full management of the organization"},
                    {Role.ORG_COLLABORATOR, "Works on projects of the organization"},
                    {Role.ORG_RESTRICTED_COLLABORATOR, "Works on projects without changing settings"}}) {
                Role defaultRole = new Role(defaultRoleId(id, role[0]), role[0], role[1], created, created, false);
                group.rolesById.put(defaultRole.publicId(), defaultRole);
            }
            groups.put(id, group);
            return group.toRecord();
        });
    }

    /** The public id {@link #addGroup} gives a default role, stable across runs. */
    public static String defaultRoleId(String groupId, String roleName) {
        return UUID.nameUUIDFromBytes(("default-role:" + groupId + ":" + roleName).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public Role addCustomRole(String groupId, String publicId, String name, String description) {
        return write(() -> {
            GroupState group = requireGroup(groupId);
            if (group.roleByName(name) != null) {
                throw new IllegalArgumentException("Duplicate role name " + name + " in group " + groupId);
            }
            String created = now();
            Role role = new Role(publicId == null ? UUID.randomUUID().toString() : publicId, name, description,
                    created, created, true);
            group.rolesById.put(role.publicId(), role);
            return role;
        });
    }

    public void setSsoConfigured(String groupId, boolean ssoConfigured) {
        write(() -> requireGroup(groupId).ssoConfigured = ssoConfigured);
    }

    public Org addOrg(String id, String name, String groupId) {
        return write(() -> {
            if (orgs.containsKey(id)) {
                throw new IllegalArgumentException("Duplicate org id " + id);
            }
            GroupState group = requireGroup(groupId);
            OrgState org = new OrgState(id, name, group);
            orgs.put(id, org);
            group.orgs.add(org);
            return org.toRecord();
        });
    }

    public GroupMember addGroupMember(String groupId, String userId, String groupRoleName) {
        return write(() -> {
            GroupState group = requireGroup(groupId);
            requireUser(userId);
            GroupMember member = new GroupMember(UUID.randomUUID().toString(), userId, groupRoleName, now());
            group.membersByUserId.put(userId, member);
            return member;
        });
    }

    /** Makes the user a member of the org with the role, or changes the role of an existing member. */
    public OrgMembership addOrgMember(String orgId, String userId, String rolePublicId) {
        return write(() -> {
            OrgState org = requireOrg(orgId);
            requireUser(userId);
            requireRole(org.group, rolePublicId);
            OrgMembership existing = org.membersByUserId.get(userId);
            OrgMembership membership = existing != null ? existing.withRole(rolePublicId)
                    : new OrgMembership(UUID.randomUUID().toString(), userId, rolePublicId, now());
            org.putMember(membership);
            return membership;
        });
    }

    public PendingProvision addPendingProvision(String orgId, String email, String rolePublicId) {
        return write(() -> {
            OrgState org = requireOrg(orgId);
            Role role = requireRole(org.group, rolePublicId);
            PendingProvision pending = new PendingProvision(email, role.name(), role.publicId(), now());
            org.pendingByEmail.put(emailKey(email), pending);
            return pending;
        });
    }

    /**
     * What Snyk does at a provisioned person's first SSO login: the user exists in the platform
     * from now on (created if unknown) and every pending provision of the email becomes an org
     * membership with the provisioned role.
     */
    public User simulateFirstLogin(String email) {
        return write(() -> {
            User user = userByEmailLocked(email);
            if (user == null) {
                user = addUser(null, email, displayName(email), email, true);
            } else if (!user.existsInPlatform()) {
                user = user.withExistsInPlatform(true);
                usersById.put(user.id(), user);
            }
            String key = emailKey(email);
            for (OrgState org : orgs.values()) {
                PendingProvision pending = org.pendingByEmail.remove(key);
                if (pending != null && !org.membersByUserId.containsKey(user.id())) {
                    org.putMember(new OrgMembership(UUID.randomUUID().toString(), user.id(),
                            pending.rolePublicId(), now()));
                }
            }
            return user;
        });
    }

    // ---- queries for tests ------------------------------------------------------------------

    public Optional<User> findUserByEmail(String email) {
        return Optional.ofNullable(read(() -> userByEmailLocked(email)));
    }

    public Optional<User> user(String userId) {
        return Optional.ofNullable(read(() -> usersById.get(userId)));
    }

    public Optional<Group> group(String groupId) {
        return read(() -> Optional.ofNullable(groups.get(groupId)).map(GroupState::toRecord));
    }

    public Optional<Org> org(String orgId) {
        return read(() -> Optional.ofNullable(orgs.get(orgId)).map(OrgState::toRecord));
    }

    public List<PendingProvision> pendingProvisions(String orgId) {
        return read(() -> List.copyOf(requireOrg(orgId).pendingByEmail.values()));
    }

    /** The role the user has as a member of the org, empty when not a member. */
    public Optional<Role> memberRole(String orgId, String userId) {
        return read(() -> {
            OrgState org = requireOrg(orgId);
            OrgMembership membership = org.membersByUserId.get(userId);
            return Optional.ofNullable(membership == null ? null : org.group.rolesById.get(membership.rolePublicId()));
        });
    }

    public Optional<Role> roleByName(String groupId, String roleName) {
        return read(() -> Optional.ofNullable(requireGroup(groupId).roleByName(roleName)));
    }

    public StateCounts counts() {
        return read(() -> {
            int inPlatform = (int) usersById.values().stream().filter(User::existsInPlatform).count();
            int memberships = 0;
            int pending = 0;
            for (OrgState org : orgs.values()) {
                memberships += org.membersByUserId.size();
                pending += org.pendingByEmail.size();
            }
            return new StateCounts(usersById.size(), inPlatform, groups.size(), orgs.size(), memberships, pending);
        });
    }

    // ---- JSON -------------------------------------------------------------------------------

    public StateSnapshot snapshot() {
        return read(() -> new StateSnapshot(List.copyOf(usersById.values()), List.copyOf(tokensByValue.values()),
                groups.values().stream().map(GroupState::toRecord).toList(),
                orgs.values().stream().map(OrgState::toRecord).toList()));
    }

    /** Replaces everything with the snapshot, atomically: on an inconsistent snapshot nothing changes. */
    public void replaceWith(StateSnapshot snapshot) {
        SimulatorState loaded = new SimulatorState();
        loaded.fill(snapshot);
        write(() -> {
            usersById.clear();
            usersById.putAll(loaded.usersById);
            userIdsByEmail.clear();
            userIdsByEmail.putAll(loaded.userIdsByEmail);
            tokensByValue.clear();
            tokensByValue.putAll(loaded.tokensByValue);
            serviceAccountUserIds.clear();
            serviceAccountUserIds.addAll(loaded.serviceAccountUserIds);
            groups.clear();
            groups.putAll(loaded.groups);
            orgs.clear();
            orgs.putAll(loaded.orgs);
            return null;
        });
    }

    private void fill(StateSnapshot snapshot) {
        snapshot.users().forEach(u -> addUser(u.id(), u.email(), u.name(), u.username(), u.existsInPlatform()));
        snapshot.tokens().forEach(this::addToken);
        for (Group g : snapshot.groups()) {
            GroupState group = new GroupState(g.id(), g.name(), g.ssoConfigured());
            g.roles().forEach(role -> group.rolesById.put(role.publicId(), role));
            for (GroupMember member : g.members()) {
                requireUser(member.userId());
                group.membersByUserId.put(member.userId(), member);
            }
            groups.put(g.id(), group);
        }
        for (Org o : snapshot.orgs()) {
            GroupState group = requireGroup(o.groupId());
            OrgState org = new OrgState(o.id(), o.name(), group);
            for (OrgMembership membership : o.members()) {
                requireUser(membership.userId());
                requireRole(group, membership.rolePublicId());
                org.putMember(membership);
            }
            for (PendingProvision pending : o.pendingProvisions()) {
                requireRole(group, pending.rolePublicId());
                org.pendingByEmail.put(emailKey(pending.email()), pending);
            }
            for (Invite invite : o.invites()) {
                requireRole(group, invite.rolePublicId());
                org.invitesById.put(invite.id(), invite);
            }
            orgs.put(o.id(), org);
            group.orgs.add(org);
        }
    }

    public String toJson() {
        return Json.writePretty(snapshot());
    }

    public static SimulatorState fromJson(String json) {
        SimulatorState state = new SimulatorState();
        state.replaceWith(Json.read(json, StateSnapshot.class));
        return state;
    }

    public void save(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the simulator state to " + file, e);
        }
    }

    public static SimulatorState load(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the simulator state from " + file, e);
        }
    }

    // ---- for the API handlers (callers hold the lock) ---------------------------------------

    <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }

    ApiToken tokenByValue(String value) {
        return read(() -> tokensByValue.get(value));
    }

    OrgState orgState(String orgId) {
        return orgs.get(orgId);
    }

    GroupState groupState(String groupId) {
        return groups.get(groupId);
    }

    User userById(String userId) {
        return usersById.get(userId);
    }

    User userByEmailLocked(String email) {
        String id = userIdsByEmail.get(emailKey(email));
        return id == null ? null : usersById.get(id);
    }

    boolean isServiceAccount(String userId) {
        return serviceAccountUserIds.contains(userId);
    }

    /** Members of the org in listing order. */
    List<MembershipView> orgMemberships(OrgState org) {
        List<MembershipView> views = new ArrayList<>(org.membersByUserId.size());
        for (OrgMembership membership : org.membersByUserId.values()) {
            Role role = org.group.rolesById.get(membership.rolePublicId());
            views.add(new MembershipView(membership.id(), usersById.get(membership.userId()), role.publicId(),
                    role.name(), membership.created()));
        }
        return views;
    }

    /** Explicit group members first, then members of the group's orgs, one membership per user. */
    List<MembershipView> groupMemberships(GroupState group) {
        Map<String, MembershipView> byUser = new LinkedHashMap<>();
        for (GroupMember member : group.membersByUserId.values()) {
            byUser.put(member.userId(), new MembershipView(member.membershipId(), usersById.get(member.userId()),
                    groupRoleId(member.roleName()), member.roleName(), member.created()));
        }
        for (OrgState org : group.orgs) {
            for (OrgMembership membership : org.membersByUserId.values()) {
                byUser.computeIfAbsent(membership.userId(), userId -> new MembershipView(
                        implicitGroupMembershipId(group.id, userId), usersById.get(userId),
                        groupRoleId(IMPLICIT_GROUP_ROLE), IMPLICIT_GROUP_ROLE, membership.created()));
            }
        }
        return new ArrayList<>(byUser.values());
    }

    /** The implicit group membership id of a user who is in an org of the group but not an explicit member. */
    static String implicitGroupMembershipId(String groupId, String userId) {
        return nameUuid("group-membership:" + groupId + ":" + userId);
    }

    /** Group roles have no stored id; a name-derived one keeps them stable in REST answers. */
    static String groupRoleId(String groupRoleName) {
        return nameUuid("group-role:" + groupRoleName);
    }

    private static String nameUuid(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The local part of the email, as a name for users created without one. */
    static String displayName(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private GroupState requireGroup(String groupId) {
        GroupState group = groups.get(groupId);
        if (group == null) {
            throw new IllegalArgumentException("Unknown group " + groupId);
        }
        return group;
    }

    private OrgState requireOrg(String orgId) {
        OrgState org = orgs.get(orgId);
        if (org == null) {
            throw new IllegalArgumentException("Unknown org " + orgId);
        }
        return org;
    }

    private void requireUser(String userId) {
        if (!usersById.containsKey(userId)) {
            throw new IllegalArgumentException("Unknown user " + userId);
        }
    }

    private static Role requireRole(GroupState group, String rolePublicId) {
        Role role = group.rolesById.get(rolePublicId);
        if (role == null) {
            throw new IllegalArgumentException("Unknown role " + rolePublicId + " in group " + group.id);
        }
        return role;
    }
}
