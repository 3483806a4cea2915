package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePathsTest {

    @TempDir
    Path dir;

    private Path workspace;
    private Path outside;

    @BeforeEach
    void files() throws IOException {
        workspace = Files.createDirectories(dir.resolve("ws"));
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/users.csv"), "email\n");
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.csv"), "email\n");
    }

    @Test
    void aFileInsideIsReadWithItsSize() throws IOException {
        assertThat(WorkspacePaths.readableFileSize(workspace, "data/users.csv", 100)).isEqualTo(6);
        assertThat(WorkspacePaths.inside(workspace, " data/users.csv ")).isEqualTo(workspace.toRealPath().resolve("data/users.csv"));
    }

    @Test
    void symbolicLinksStayingInsideAreFollowed() throws IOException {
        Files.createSymbolicLink(workspace.resolve("users.csv"), workspace.resolve("data/users.csv"));
        Files.createSymbolicLink(workspace.resolve("linked"), Path.of("data"));

        assertThat(WorkspacePaths.readableFileSize(workspace, "users.csv", 100)).isEqualTo(6);
        assertThat(WorkspacePaths.readableFileSize(workspace, "linked/users.csv", 100)).isEqualTo(6);
        WorkspacePaths.checkWritable(workspace, "linked/results.json");
    }

    @Test
    void symbolicLinksLeadingOutsideAreRefused() throws IOException {
        Files.createSymbolicLink(workspace.resolve("users.csv"), outside.resolve("secret.csv"));
        Files.createSymbolicLink(workspace.resolve("out"), outside);
        Files.createSymbolicLink(workspace.resolve("dangling.json"), outside.resolve("created-by-a-write.json"));

        for (String path : new String[] {"users.csv", "out/secret.csv"}) {
            assertThatThrownBy(() -> WorkspacePaths.readableFileSize(workspace, path, 100)).as(path)
                    .isInstanceOf(ProvisioningException.class)
                    .hasMessage(path + " leads outside the workspace (through a symbolic link); refused");
        }
        for (String path : new String[] {"out/results.json", "dangling.json", "users.csv"}) {
            assertThatThrownBy(() -> WorkspacePaths.checkWritable(workspace, path)).as(path)
                    .isInstanceOf(ProvisioningException.class).hasMessageContaining("leads outside the workspace");
        }
        assertThat(outside.resolve("created-by-a-write.json")).doesNotExist();
    }

    @Test
    void aWorkspaceReachedThroughALinkIsStillTheWorkspace() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("ws-link"), workspace);

        assertThat(WorkspacePaths.readableFileSize(link, "data/users.csv", 100)).isEqualTo(6);
    }

    @Test
    void missingFoldersAndLargeFilesAreRefused() {
        assertThatThrownBy(() -> WorkspacePaths.readableFileSize(workspace, "nope.csv", 100))
                .hasMessage("nope.csv: no such file in the workspace");
        assertThatThrownBy(() -> WorkspacePaths.readableFileSize(workspace, "data", 100))
                .hasMessage("data: not a regular file in the workspace");
        assertThatThrownBy(() -> WorkspacePaths.readableFileSize(workspace, "data/users.csv", 5))
                .hasMessage("data/users.csv is too large: 6 bytes, at most 5");
        assertThatThrownBy(() -> WorkspacePaths.checkWritable(workspace, "data"))
                .hasMessage("data: not a regular file in the workspace");
        assertThatThrownBy(() -> WorkspacePaths.readableFileSize(dir.resolve("no-workspace"), "users.csv", 100))
                .hasMessage("users.csv: no such file in the workspace");
    }

    @Test
    void newFilesMayBeWrittenInNewFolders() throws IOException {
        WorkspacePaths.checkWritable(workspace, "reports/snyk/results.json");
        assertThatThrownBy(() -> WorkspacePaths.checkWritable(workspace, "../results.json"))
                .isInstanceOf(ProvisioningException.class);
    }

    @Test
    void aMissingWorkspaceIsCreatedForTheResults() throws IOException {
        Path notYetCreated = dir.resolve("new-ws");

        WorkspacePaths.checkWritable(notYetCreated, "reports/1.json");

        assertThat(notYetCreated).isDirectory();
        assertThat(WorkspacePaths.inside(notYetCreated, "reports/1.json")).isEqualTo(notYetCreated.toRealPath().resolve("reports/1.json"));
    }
}
