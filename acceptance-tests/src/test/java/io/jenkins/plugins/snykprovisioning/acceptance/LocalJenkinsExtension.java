package io.jenkins.plugins.snykprovisioning.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Boots one {@link LocalJenkins} per test run, kept in the root store so that every test class shares it
 * and JUnit stops it (closing it) when the run ends. A class is skipped, and reported as skipped with the
 * reason, where no Jenkins is given or where the given one lacks a plugin the class needs (the plugin under
 * test's dependencies, and those of {@link RequiresPlugins}); a failed boot fails each test that asks for
 * the Jenkins, without booting again.
 */
public final class LocalJenkinsExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalJenkinsExtension.class);

    /** The given Jenkins, or why there is none. */
    private record Located(JenkinsInstallation installation, String missingReason) {
    }

    /** What the one boot gave: a running Jenkins, or a failure. */
    private static final class Shared implements AutoCloseable {
        private LocalJenkins jenkins;
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
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Located located = located(context);
        if (located.installation() == null) {
            return ConditionEvaluationResult.disabled("Acceptance tests skipped: " + located.missingReason());
        }
        Set<String> missing = located.installation().missing(requiredPlugins(context));
        if (!missing.isEmpty()) {
            String reason = "Skipped: needs the plugin(s) " + String.join(", ", missing) + ", which "
                    + located.installation().pluginsDir() + " (JENKINS_PLUGINS_DIR) lacks";
            if (context.getTestMethod().isEmpty()) {
                System.out.println("[acceptance] " + context.getDisplayName() + " " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
        return ConditionEvaluationResult.enabled("Jenkins " + located.installation().war() + " has the plugins needed");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalJenkins.class;
    }

    /** The shared Jenkins, booted on first use: a class that boots a Jenkins of its own never boots this one. */
    @Override
    public LocalJenkins resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = shared(context);
        if (shared.failure != null) {
            throw shared.failure;
        }
        return shared.jenkins;
    }

    /** The given Jenkins, looked up once per test run. */
    static JenkinsInstallation installation(ExtensionContext context) {
        return located(context).installation();
    }

    private static Located located(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Located.class, key -> {
            try {
                return new Located(JenkinsInstallation.locate(System.getenv()), null);
            } catch (JenkinsInstallation.MissingJenkinsException e) {
                System.out.println("[acceptance] Acceptance tests skipped: " + e.getMessage());
                return new Located(null, e.getMessage());
            } catch (IOException e) {
                return new Located(null, "the given Jenkins could not be read: " + e);
            }
        }, Located.class);
    }

    /** The plugin under test's required dependencies, and the test class's own {@link RequiresPlugins}. */
    private static Set<String> requiredPlugins(ExtensionContext context) {
        Set<String> required = new LinkedHashSet<>(pluginDependencies(hpi(projectRoot())));
        context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, RequiresPlugins.class))
                .ifPresent(annotation -> required.addAll(List.of(annotation.value())));
        return required;
    }

    /**
     * The ids of the plugins the .hpi's manifest requires ({@code Plugin-Dependencies}, leaving out those marked
     * {@code resolution:=optional}); none when the .hpi is not built, which the boot then reports.
     */
    static List<String> pluginDependencies(Path hpi) {
        List<String> ids = new ArrayList<>();
        if (!Files.isRegularFile(hpi)) {
            return ids;
        }
        try (JarFile jar = new JarFile(hpi.toFile())) {
            String dependencies = jar.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
            for (String dependency : dependencies == null ? new String[0] : dependencies.split(",")) {
                if (!dependency.isBlank() && !dependency.contains("resolution:=optional")) {
                    ids.add(dependency.substring(0, dependency.indexOf(':')).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the manifest of " + hpi, e);
        }
        return ids;
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class,
                key -> boot(installation(context)), Shared.class);
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

    /** A folder for this run's files under the build's work folder ({@code acceptance.workDir}). */
    static Path workDir(String name) {
        return Path.of(System.getProperty("acceptance.workDir", "target/jenkins")).toAbsolutePath().resolveSibling(name);
    }

    private static Shared boot(JenkinsInstallation installation) {
        Shared shared = new Shared();
        Path workDir = Path.of(System.getProperty("acceptance.workDir", "target/jenkins")).toAbsolutePath();
        try {
            shared.jenkins = LocalJenkins.start(installation, hpi(projectRoot()), workDir);
            System.out.println("[acceptance] Booted " + shared.jenkins + " in " + shared.jenkins.bootTime().toMillis()
                    + " ms with " + installation.java());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            shared.failure = new IllegalStateException("Jenkins did not boot (work folder " + workDir + ")", e);
        }
        return shared;
    }
}
