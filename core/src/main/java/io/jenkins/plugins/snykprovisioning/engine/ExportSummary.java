package io.jenkins.plugins.snykprovisioning.engine;

import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param members rows of members written (members Snyk lists without an email cannot be rows, and are counted apart)
 * @param withoutEmail members left out because Snyk lists them without an email (service accounts)
 * @param adminsReport the access review, or null when none was asked for
 */
public record ExportSummary(int orgs, long members, long pending, long withoutEmail, Path output, Path adminsReport) {
}
