package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.PrintStream;

/**
 * What a run inside a build works with, built once from the build: its workspace, its credentials as the
 * starter may use them, its record (output folder, archive, actions), its console and the global settings.
 * Tests give test doubles in their place.
 */
record BuildContext(BuildWorkspace workspace, SnykCredentials credentials, BuildRecord record, PrintStream log,
        SnykApiDefaults defaults) {
}
