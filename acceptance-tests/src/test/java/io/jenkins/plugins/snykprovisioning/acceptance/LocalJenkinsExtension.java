package io.jenkins.plugins.snykprovisioning.acceptance;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots one {@link LocalJenkins} per test run, kept in the root store so that every test class shares it
 * and JUnit stops it (closing it) when the run ends. A missing kit skips each class; a failed boot fails
 * each class, without booting again.
 */
public final class LocalJenkinsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalJenkinsExtension.class);

    /** What the one boot gave: a running Jenkins, a reason to skip, or a failure. */
    private static final class Shared implements AutoCloseable {
        private LocalJenkins jenkins;
        private String skipReason;
        private RuntimeException failure;

        @Override
        public void close() {
            if (jenkins != null) {
                jenkins.stop();
                System.out.println("[acceptance] Stopped " + jenkins);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Shared shared = shared(context);
        if (shared.skipReason != null) {
            Assumptions.abort(shared.skipReason);
        }
        if (shared.failure != null) {
            throw shared.failure;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalJenkins.class;
    }

    @Override
    public LocalJenkins resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).jenkins;
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, key -> boot(), Shared.class);
    }

    /** The project's root folder: {@code acceptance.projectRoot}, which the build sets, or the parent folder. */
    static Path projectRoot() {
        return Path.of(System.getProperty("acceptance.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** The plugin under test: {@code acceptance.hpi}, which the build sets, or the plugin module's build output. */
    static Path hpi(Path projectRoot) {
        return Path.of(System.getProperty("acceptance.hpi",
                projectRoot.resolve("plugin/target/snyk-user-provisioning.hpi").toString()));
    }

    private static Shared boot() {
        Shared shared = new Shared();
        Path projectRoot = projectRoot();
        Path hpi = hpi(projectRoot);
        Path workDir = Path.of(System.getProperty("acceptance.workDir", "target/jenkins")).toAbsolutePath();
        try {
            JenkinsKit kit = JenkinsKit.locate(projectRoot, System.getenv());
            shared.jenkins = LocalJenkins.start(kit, hpi, workDir);
            System.out.println("[acceptance] Booted " + shared.jenkins + " in " + shared.jenkins.bootTime().toMillis()
                    + " ms with " + kit.java());
        } catch (JenkinsKit.MissingKitException e) {
            shared.skipReason = "Acceptance tests skipped: " + e.getMessage();
            System.out.println("[acceptance] " + shared.skipReason);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            shared.failure = new IllegalStateException("Jenkins did not boot (work folder " + workDir + ")", e);
        }
        return shared;
    }
}
