package io.jenkins.plugins.snykprovisioning.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

    @Test
    void startsOnAFreePortPrintsItsUrlAndSavesTheStateWhenStopped(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("saved.json");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "--port", "0", "--save-state", saved.toString(), "--existing-user-status", "409"))
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = stdout.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");

            HttpResponse<String> provisioned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "/v1/org/" + DemoState.PLATFORM_ORG_ID + "/provision"))
                    .header("Authorization", "token " + DemoState.ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"carol@example.com\",\"role\":\"ADMIN\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(provisioned.statusCode()).isEqualTo(409);
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(SimulatorState.load(saved).pendingProvisions(DemoState.PLATFORM_ORG_ID)).hasSize(1);
    }

    @Test
    void helpDocumentsTheOptionsAndTheDemoState() {
        StringWriter out = new StringWriter();
        int exitCode = SimulatorMain.commandLine().setOut(new PrintWriter(out)).execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--rate-limit-per-minute", "--next-link-style", "/_simulator/config",
                DemoState.GROUP_ID, DemoState.PLATFORM_ORG_ID, DemoState.DEVELOPER_ROLE_ID, DemoState.ADMIN_TOKEN);
    }

    @Test
    void anInvalidSettingExitsWith2() {
        StringWriter err = new StringWriter();
        int exitCode = SimulatorMain.commandLine().setErr(new PrintWriter(err))
                .execute("--existing-user-status", "418");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("existingUserStatus must be 403, 409 or 400");
    }
}
