package io.jenkins.plugins.snykprovisioning.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The plan file: JSON, written when a plan is made and read back, exactly, when it is applied. The only
 * place that knows its keys. A plan may come from elsewhere (a workspace, an archived artifact), so it
 * is read with bounds and every field is checked.
 */
public final class PlanFile {

    static final String FORMAT = "snyk-provisioning-plan";
    static final int VERSION = 1;
    /** Room for 200,000 actions. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper BOUNDED = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).maxNestingDepth(16).maxStringLength(64 * 1024).build())
            .build());

    private PlanFile() {
    }

    public static void write(Plan plan, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            SnykJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, json(plan));
        }
    }

    static ObjectNode json(Plan plan) {
        ObjectNode json = SnykJson.MAPPER.createObjectNode();
        json.put("plan", FORMAT).put("version", VERSION).put("id", plan.id()).put("created_at", plan.createdAt().toString())
                .put("mode", plan.mode()).put("api", plan.apiRoot()).put("group_id", plan.groupId());
        plan.orgIds().forEach(json.putArray("orgs")::add);
        json.putObject("token_user").put("id", plan.tokenUserId()).put("name", plan.tokenUser());
        json.put("source", plan.source()).put("remove_missing", plan.removeMissing());
        ObjectNode limits = json.putObject("limits").put("max_removals", plan.limits().maxRemovals().toString())
                .put("min_admins", plan.limits().minAdmins());
        plan.limits().protectedEmails().forEach(limits.putArray("protected")::add);
        plan.refusals().forEach(json.putArray("refused")::add);
        ObjectNode counts = json.putObject("counts");
        plan.counts().forEach((kind, count) -> counts.put(kind.id(), count));
        ArrayNode orgs = json.putArray("org_counts");
        for (OrgCounts org : plan.orgs()) {
            orgs.addObject().put("org_id", org.orgId()).put("members", org.members()).put("pending", org.pending())
                    .put("admins", org.admins());
        }
        ArrayNode actions = json.putArray("actions");
        for (PlanAction action : plan.actions()) {
            ObjectNode item = actions.addObject().put("id", action.id()).put("action", action.kind().id())
                    .put("org_id", action.orgId()).put("email", action.email());
            putIfSet(item, "user_id", action.userId());
            putIfSet(item, "membership_id", action.membershipId());
            putIfSet(item, "current_role", action.currentRole());
            putIfSet(item, "role", action.role());
            putIfSet(item, "role_public_id", action.rolePublicId());
            if (action.line() > 0) {
                item.put("line", action.line());
            }
        }
        plan.notes().forEach(json.putArray("notes")::add);
        return json;
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /** Reads a plan this tool wrote; anything else is refused with a message saying what is wrong. */
    public static Plan read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such plan file");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException(path + " is larger than " + MAX_BYTES + " bytes; it is not a plan of this tool");
        }
        JsonNode json;
        try (InputStream in = Files.newInputStream(path)) {
            json = BOUNDED.readTree(in);
        } catch (IOException e) {
            throw new IOException(path + " is not a readable plan: " + e.getMessage(), e);
        }
        if (json == null || !FORMAT.equals(SnykJson.text(json, "plan"))) {
            throw new IOException(path + " is not a plan of this tool");
        }
        if (json.path("version").asInt() != VERSION) {
            throw new IOException(path + " is a plan of version " + json.path("version").asText() + "; this tool reads version " + VERSION);
        }
        try {
            return plan(json);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(path + " is not a valid plan: " + e.getMessage(), e);
        }
    }

    private static Plan plan(JsonNode json) {
        JsonNode limits = json.path("limits");
        SyncLimits syncLimits = new SyncLimits(RemovalLimit.parse(required(limits, "max_removals")),
                limits.path("min_admins").asInt(SyncLimits.DEFAULT_MIN_ADMINS), new TreeSet<>(texts(limits.path("protected"))));
        List<OrgCounts> orgs = new ArrayList<>();
        for (JsonNode org : json.path("org_counts")) {
            orgs.add(new OrgCounts(required(org, "org_id"), org.path("members").asInt(), org.path("pending").asInt(),
                    org.path("admins").asInt()));
        }
        List<PlanAction> actions = new ArrayList<>();
        for (JsonNode item : json.path("actions")) {
            String kind = required(item, "action");
            Action action = Action.byId(kind);
            if (action == null) {
                throw new IllegalArgumentException("action " + item.path("id").asText() + " is '" + kind + "', which this tool does not know");
            }
            actions.add(new PlanAction(item.path("id").asInt(), action, required(item, "org_id"), SnykJson.text(item, "email"),
                    SnykJson.text(item, "user_id"), SnykJson.text(item, "membership_id"), SnykJson.text(item, "current_role"),
                    SnykJson.text(item, "role"), SnykJson.text(item, "role_public_id"), item.path("line").asInt(0)));
        }
        JsonNode tokenUser = json.path("token_user");
        String mode = required(json, "mode");
        if (!mode.equals(Plan.SYNC) && !mode.equals(Plan.OFFBOARD)) {
            throw new IllegalArgumentException("its mode is '" + mode + "', not sync or offboard");
        }
        return new Plan(required(json, "id"), Instant.parse(required(json, "created_at")), mode, required(json, "api"),
                required(json, "group_id"), texts(json.path("orgs")), required(tokenUser, "id"), SnykJson.text(tokenUser, "name"),
                SnykJson.text(json, "source"), json.path("remove_missing").asBoolean(false), syncLimits, orgs, actions,
                texts(json.path("notes")), texts(json.path("refused")));
    }

    private static String required(JsonNode node, String key) {
        String value = SnykJson.text(node, key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
