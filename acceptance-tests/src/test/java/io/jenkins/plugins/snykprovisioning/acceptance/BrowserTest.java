package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the browser tests decide that they cannot run here, which needs no Jenkins and no browser. */
class BrowserTest {

    @TempDir
    Path temp;

    private Path file(String name, String permissions) throws Exception {
        Path file = Files.writeString(temp.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void aMissingOrNonExecutableBinaryIsNamedWithThePackagesToInstall() throws Exception {
        Path chromium = file("chromium", "rwxr-xr-x");
        Path driver = file("chromedriver", "rw-r--r--");
        Path missing = temp.resolve("none/chromedriver");

        assertThat(Browser.unavailableReason(List.of(chromium, missing)))
                .startsWith(missing + " is missing or not executable").contains("chromium-driver");
        assertThat(Browser.unavailableReason(List.of(chromium, driver))).startsWith(driver + " is missing or not executable");
        assertThat(Browser.unavailableReason(List.of(temp, chromium))).as("a folder is no browser").startsWith(temp.toString());
    }

    @Test
    void executableBinariesLeaveNothingToSay() throws Exception {
        assertThat(Browser.unavailableReason(List.of(file("chromium", "rwxr-xr-x"), file("chromedriver", "r-x------"))))
                .isNull();
    }

    @Test
    void theBrowserTestsAreSkippedByConditionNotByAnAssumptionInBeforeAll() {
        // Skipped by a condition, each test is reported as skipped with the reason; a failed assumption in
        // @BeforeAll reports the class as no tests at all.
        assertThat(BrowserIT.class).hasAnnotation(RequiresBrowser.class).hasAnnotation(WithLocalJenkins.class);
    }
}
