package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"10000000-0000-4000-8000-000000000001", " 6E6A3E3C-1B4F-4E4F-9B87-0D8C2A7E5A10 ", "${ORG_ID}",
        "$ORG", ""})
    void snykIdsAreUuidsOrVariables(String value) {
        assertThat(FieldSyntax.snykIdProblem(value)).isNull();
        assertThat(FieldSyntax.snykIdProblem(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-org", "10000000-0000-4000-8000-00000000000", "10000000000040008000000000000001",
        "https://app.snyk.io/org/my-org"})
    void otherIdsAreQuestioned(String value) {
        assertThat(FieldSyntax.snykIdProblem(value)).isEqualTo("'" + value
                + "' does not look like a Snyk id, which is a UUID such as 6e6a3e3c-1b4f-4e4f-9b87-0d8c2a7e5a10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"users.csv", "config/users.json", "a/./b.csv", "..hidden/users.csv", "users..csv", "dir\\users.csv"})
    void relativePathsInsideTheWorkspaceAreFine(String path) {
        assertThat(FieldSyntax.workspacePathProblem(path)).isNull();
    }

    @Test
    void absolutePathsAreRefused() {
        assertThat(FieldSyntax.workspacePathProblem("/etc/passwd"))
                .isEqualTo("'/etc/passwd' is an absolute path; give a path relative to the workspace");
        assertThat(FieldSyntax.workspacePathProblem("C:\\users.csv")).contains("absolute path");
        assertThat(FieldSyntax.workspacePathProblem("\\\\server\\share\\users.csv")).contains("absolute path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../users.csv", "a/../../users.csv", "a/..", "a\\..\\..\\users.csv", ".."})
    void parentFoldersAreRefused(String path) {
        assertThat(FieldSyntax.workspacePathProblem(path)).endsWith("leaves the workspace through ..; give a path inside the workspace");
    }

    @Test
    void anEmptyPathIsNoPath() {
        assertThat(FieldSyntax.workspacePathProblem(" ")).isEqualTo("No path is given");
    }

    @Test
    void variablesAreRecognised() {
        assertThat(FieldSyntax.hasVariable("${USERS_FILE}")).isTrue();
        assertThat(FieldSyntax.hasVariable("users.csv")).isFalse();
    }
}
