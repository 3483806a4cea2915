package io.jenkins.plugins.snykprovisioning.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Jenkins someone gave to test in: a war ({@code JENKINS_WAR}), a folder of plugins
 * ({@code JENKINS_PLUGINS_DIR}, .jpi or .hpi files) and a Java able to run it. Java is {@code JENKINS_JAVA}
 * (a java executable or a JDK folder), {@code JAVA21_HOME}, or the newest {@code /usr/lib/jvm/temurin-*} JDK
 * of version 21 or later (Jenkins 2.568 refuses Java 17). Nothing else is needed: the harness writes its own
 * boot script into each fresh JENKINS_HOME.
 *
 * @param plugins the plugins' ids, from the {@code Short-Name} of each file's manifest
 */
record JenkinsInstallation(Path war, Path pluginsDir, Set<String> plugins, Path java) {

    static final int MINIMUM_JAVA = 21;

    /** No usable Jenkins here; the message says what was looked for. */
    static final class MissingJenkinsException extends Exception {
        MissingJenkinsException(String message) {
            super(message);
        }
    }

    static JenkinsInstallation locate(Map<String, String> env) throws MissingJenkinsException, IOException {
        String warEnv = env.get("JENKINS_WAR");
        String pluginsEnv = env.get("JENKINS_PLUGINS_DIR");
        if (!notBlank(warEnv) || !notBlank(pluginsEnv)) {
            throw new MissingJenkinsException("No Jenkins to test in: set JENKINS_WAR (a jenkins.war) and"
                    + " JENKINS_PLUGINS_DIR (a folder of .jpi/.hpi plugins) to run the acceptance tests");
        }
        Path war = Path.of(warEnv);
        Path plugins = Path.of(pluginsEnv);
        require(Files.isRegularFile(war), "JENKINS_WAR is not a file: " + war);
        require(Files.isDirectory(plugins), "JENKINS_PLUGINS_DIR is not a folder: " + plugins);
        return new JenkinsInstallation(war, plugins, pluginIds(pluginFiles(plugins)), findJava(env));
    }

    /** The plugins of {@code required} that this Jenkins lacks, in order. */
    Set<String> missing(Collection<String> required) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(plugins);
        return missing;
    }

    /** The plugin files (.jpi/.hpi) to install. */
    List<Path> pluginFiles() throws IOException {
        return pluginFiles(pluginsDir);
    }

    private static List<Path> pluginFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".jpi") || name.endsWith(".hpi");
            }).sorted().toList();
        }
    }

    /** Each plugin's id as Jenkins reads it: its manifest's Short-Name, not its file name. */
    static Set<String> pluginIds(List<Path> pluginFiles) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path file : pluginFiles) {
            try (JarFile jar = new JarFile(file.toFile())) {
                String shortName = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue("Short-Name");
                if (notBlank(shortName)) {
                    ids.add(shortName.trim());
                }
            }
        }
        return ids;
    }

    private static Path findJava(Map<String, String> env) throws MissingJenkinsException, IOException {
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
                        .sorted(Comparator.comparingInt(JenkinsInstallation::featureVersion).reversed())
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
        throw new MissingJenkinsException("No Java " + MINIMUM_JAVA + "+ to run Jenkins: set JENKINS_JAVA or"
                + " JAVA21_HOME, or install a Temurin JDK under /usr/lib/jvm (looked at " + candidates + ")");
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

    private static void require(boolean condition, String message) throws MissingJenkinsException {
        if (!condition) {
            throw new MissingJenkinsException(message);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
