package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.input.UserSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A build as the runner sees it, without Jenkins: a workspace folder (checked with the same
 * {@link WorkspacePaths} as on an agent), credentials by id, a build folder, archived artifacts and the
 * summaries attached, and the console.
 */
final class LocalBuild implements BuildWorkspace, SnykCredentials, BuildRecord {

    final Path workspace;
    final Path buildFolder;
    final Path artifacts;
    final Map<String, String> tokens = new HashMap<>();
    final List<ProvisioningSummaryAction> summaries = new ArrayList<>();
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    LocalBuild(Path root) throws IOException {
        this.workspace = Files.createDirectories(root.resolve("workspace"));
        this.buildFolder = Files.createDirectories(root.resolve("build"));
        this.artifacts = Files.createDirectories(root.resolve("build/archive"));
    }

    String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    Path write(String relativePath, String content) throws IOException {
        Path file = workspace.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Override
    public UserSource userFile(String relativePath, long maxBytes) throws IOException {
        WorkspacePaths.readableFileSize(workspace, relativePath, maxBytes);
        UserSource file = UserSource.ofPath(WorkspacePaths.inside(workspace, relativePath));
        return new UserSource() {
            @Override
            public String name() {
                return relativePath;
            }

            @Override
            public InputStream open() throws IOException {
                return file.open();
            }
        };
    }

    @Override
    public void copyToController(String relativePath, long maxBytes, Path target) throws IOException {
        WorkspacePaths.readableFileSize(workspace, relativePath, maxBytes);
        try (InputStream in = Files.newInputStream(WorkspacePaths.inside(workspace, relativePath))) {
            BoundedCopy.copy(in, target, maxBytes, relativePath);
        }
    }

    @Override
    public void copyFromController(Path source, String relativePath) throws IOException {
        WorkspacePaths.checkWritable(workspace, relativePath);
        Path target = workspace.resolve(relativePath);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(String relativePath) throws IOException {
        WorkspacePaths.checkWritable(workspace, relativePath);
        Files.deleteIfExists(workspace.resolve(relativePath));
    }

    @Override
    public String token(String credentialsId) throws ProvisioningException {
        String token = tokens.get(credentialsId);
        if (token == null) {
            throw new ProvisioningException(Messages.RunCredentials_NotFound(credentialsId));
        }
        return token;
    }

    @Override
    public Path newOutputFolder() throws IOException {
        return Files.createDirectories(buildFolder.resolve("snyk-provisioning/" + (summaries.size() + 1)));
    }

    @Override
    public void archive(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = artifacts.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(folder.resolve(file.getValue()), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void attach(ProvisioningSummaryAction summary) {
        summaries.add(summary);
    }
}
