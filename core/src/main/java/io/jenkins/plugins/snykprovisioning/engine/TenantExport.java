package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.input.UserFileWriter;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.snyk.GroupOrgsClient.GroupOrg;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes who has access now, as a user file: every member and pending provision of the orgs, one row
 * each with its role, so that syncing the file back changes nothing; and, when asked, an access review
 * in Markdown: each org's Org Admins and how many hold each role.
 */
final class TenantExport {

    private TenantExport() {
    }

    static ExportSummary write(SnykApi api, String groupId, List<String> orgIds, int concurrency, Path output,
            Path adminsReport, ProgressListener listener) throws IOException, TransportException, SnykApiException {
        Map<String, String> names = new LinkedHashMap<>();
        for (GroupOrg org : api.groupOrgs().list(groupId)) {
            names.put(org.id(), org.name());
        }
        List<String> orgs = orgIds.isEmpty() ? List.copyOf(names.keySet()) : orgIds;
        TenantSnapshot snapshot = new TenantReader(api, concurrency, listener).read(groupId, orgs, null, false);
        long members = 0;
        long pending = 0;
        long withoutEmail = 0;
        try (UserFileWriter rows = UserFileWriter.create(output)) {
            for (TenantSnapshot.Org org : snapshot.orgs.values()) {
                for (TenantSnapshot.Member member : org.members) {
                    if (member.email() == null) {
                        withoutEmail++;
                        continue;
                    }
                    rows.write(member.email(), roleOf(member), org.id, member.userId(), "member");
                    members++;
                }
                for (PendingUser provision : org.pending) {
                    rows.write(provision.email(), provision.shownRole(), org.id,
                            null, "pending");
                    pending++;
                }
            }
        }
        if (adminsReport != null) {
            writeReview(adminsReport, groupId, snapshot, names);
        }
        return new ExportSummary(snapshot.orgs.size(), members, pending, withoutEmail, output, adminsReport);
    }

    private static String roleOf(TenantSnapshot.Member member) {
        return member.roleName() != null ? member.roleName() : member.roleId();
    }

    private static void writeReview(Path report, String groupId, TenantSnapshot snapshot, Map<String, String> names)
            throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            out.println("# Access review of group " + groupId);
            out.println();
            out.println("Read " + Instant.now() + ": every org's Org Admins, and how many members and pending provisions hold each role.");
            for (TenantSnapshot.Org org : snapshot.orgs.values()) {
                out.println();
                out.println("## " + markdown(names.getOrDefault(org.id, org.id)) + " (`" + org.id + "`)");
                out.println();
                List<String> admins = org.members.stream().filter(m -> PlanAction.isAdmin(m.roleName()))
                        .map(m -> m.email() != null ? markdown(m.email()) : "user `" + m.userId() + "` (no email: a service account?)")
                        .toList();
                out.println("Org Admins (" + admins.size() + "): " + (admins.isEmpty() ? "none" : String.join(", ", admins)));
                out.println();
                out.println("| Role | Members | Pending |");
                out.println("|---|---:|---:|");
                Map<String, long[]> roles = new TreeMap<>();
                org.members.forEach(m -> roles.computeIfAbsent(roleOf(m), r -> new long[2])[0]++);
                org.pending.forEach(p -> roles.computeIfAbsent(p.shownRole(), r -> new long[2])[1]++);
                roles.forEach((role, counts) -> out.println("| " + markdown(role) + " | " + counts[0] + " | " + counts[1] + " |"));
            }
        }
    }

    /** Text as Markdown shows it literally: no emphasis, link, HTML or table cell break (names come from Snyk). */
    private static String markdown(String text) {
        return String.valueOf(text).replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }
}
