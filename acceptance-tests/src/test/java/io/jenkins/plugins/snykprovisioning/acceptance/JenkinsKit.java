package io.jenkins.plugins.snykprovisioning.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a real Jenkins comes from: its war, its plugins, its boot scripts and a Java able to run it.
 *
 * <p>Looked up in this order: the environment ({@code JENKINS_WAR} and {@code JENKINS_PLUGINS_DIR}, with
 * {@code JENKINS_INIT_GROOVY_DIR} or else {@code init.groovy.d} beside the plugins folder), then the shared
 * kit at {@code ../shared/jenkins-kit} from the project root. Java is {@code JENKINS_JAVA} (a java
 * executable or a JDK folder), {@code JAVA21_HOME}, or the newest {@code /usr/lib/jvm/temurin-*} JDK of
 * version 21 or later (Jenkins 2.568 refuses Java 17).
 */
record JenkinsKit(Path war, Path pluginsDir, Path initScriptsDir, Path java) {

    static final int MINIMUM_JAVA = 21;

    /** No usable kit here; the message says what was looked for. */
    static final class MissingKitException extends Exception {
        MissingKitException(String message) {
            super(message);
        }
    }

    static JenkinsKit locate(Path projectRoot, Map<String, String> env) throws MissingKitException, IOException {
        Path war;
        Path plugins;
        Path initScripts;
        String warEnv = env.get("JENKINS_WAR");
        String pluginsEnv = env.get("JENKINS_PLUGINS_DIR");
        Path shared = projectRoot.resolve("../shared/jenkins-kit").normalize();
        if (notBlank(warEnv) && notBlank(pluginsEnv)) {
            war = Path.of(warEnv);
            plugins = Path.of(pluginsEnv);
            String initEnv = env.get("JENKINS_INIT_GROOVY_DIR");
            initScripts = notBlank(initEnv) ? Path.of(initEnv) : plugins.resolveSibling("init.groovy.d");
        } else if (Files.isDirectory(shared)) {
            war = shared.resolve("war/jenkins.war");
            plugins = shared.resolve("plugins");
            initScripts = shared.resolve("init.groovy.d");
        } else {
            throw new MissingKitException("No Jenkins to test in: set JENKINS_WAR and JENKINS_PLUGINS_DIR, or provide "
                    + shared + " (war/jenkins.war, plugins/, init.groovy.d/)");
        }
        require(Files.isRegularFile(war), "Jenkins war not found: " + war);
        require(Files.isDirectory(plugins), "Jenkins plugins folder not found: " + plugins);
        require(Files.isDirectory(initScripts),
                "Boot scripts (init.groovy.d, which create the admin API token) not found: " + initScripts);
        return new JenkinsKit(war, plugins, initScripts, findJava(env));
    }

    private static Path findJava(Map<String, String> env) throws MissingKitException, IOException {
        List<Path> candidates = new ArrayList<>();
        if (notBlank(env.get("JENKINS_JAVA"))) {
            candidates.add(Path.of(env.get("JENKINS_JAVA")));
        }
        if (notBlank(env.get("JAVA21_HOME"))) {
            candidates.add(Path.of(env.get("JAVA21_HOME")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.filter(dir -> dir.getFileName().toString().startsWith("temurin-"))
                        .sorted(Comparator.comparingInt(JenkinsKit::featureVersion).reversed())
                        .forEach(candidates::add);
            }
        }
        for (Path candidate : candidates) {
            Path java = Files.isDirectory(candidate) ? candidate.resolve("bin/java") : candidate;
            Path jdk = java.toAbsolutePath().getParent().getParent();
            if (Files.isExecutable(java) && featureVersion(jdk) >= MINIMUM_JAVA) {
                return java;
            }
        }
        throw new MissingKitException("No Java " + MINIMUM_JAVA + "+ to run Jenkins: set JENKINS_JAVA or JAVA21_HOME, "
                + "or install a Temurin JDK under /usr/lib/jvm (looked at " + candidates + ")");
    }

    /** The JDK's feature version from its {@code release} file, e.g. 25; 0 when unknown. */
    static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        Matcher major = Pattern.compile("\"?(\\d+)").matcher(properties.getProperty("JAVA_VERSION", ""));
        return major.lookingAt() ? Integer.parseInt(major.group(1)) : 0;
    }

    /** The plugin files (.jpi/.hpi) to install. */
    List<Path> pluginFiles() throws IOException {
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".jpi") || name.endsWith(".hpi");
            }).sorted().toList();
        }
    }

    private static void require(boolean condition, String message) throws MissingKitException {
        if (!condition) {
            throw new MissingKitException(message);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
