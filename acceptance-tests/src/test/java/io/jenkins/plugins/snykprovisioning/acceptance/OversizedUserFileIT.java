package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user file of huge cells is not multiplied into the build record and the build's folder. */
@WithLocalJenkins
class OversizedUserFileIT {

    private static SimulatedSnykForJenkins snyk;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
    }

    @AfterAll
    static void stop() {
        snyk.close();
    }

    @Test
    void threeHundredSixtyThousandCharacterEmailsKeepTheBuildSmall() {
        // 300 distinct invalid "emails" of 60,000 characters: an 18 MB file, well inside the 64 MB limit.
        String users = "email,role\n" + IntStream.range(0, 300)
                .mapToObj(i -> String.format("%05d", i) + "x".repeat(59_995) + ",Org Collaborator\n")
                .collect(Collectors.joining());
        snyk.freestyleJob("oversized-user-file", Map.of("credentialsId", CREDENTIALS_ID, "orgId", ORG, "groupId", GROUP,
                "usersFile", "users.csv"), "");
        snyk.workspaceFile("oversized-user-file", "users.csv", users);

        LocalJenkins.Build build = snyk.build("oversized-user-file", Map.of());

        assertThat(build.result()).isEqualTo("UNSTABLE");
        assertThat(snyk.summary(build).path("counts").path("failed").asInt()).isEqualTo(300);
        Path buildFolder = snyk.jenkins.home().resolve("jobs/oversized-user-file/builds/" + build.number());
        assertThat(buildFolder.resolve("build.xml")).satisfies(file -> assertThat(Files.size(file)).isLessThan(1024 * 1024));
        assertThat(sizeOf(buildFolder)).as("bytes in the build's folder, for a %d-character input", users.length())
                .isLessThan(3L * users.length());
        assertThat(snyk.jenkins.get("job/oversized-user-file/" + build.number() + "/snyk-provisioning/").body().length())
                .as("the summary page").isLessThan(1024 * 1024);
    }

    private static long sizeOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
