package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own logic, which runs without a Jenkins: finding what was given, and preparing JENKINS_HOME. */
class JenkinsInstallationTest {

    @TempDir
    Path temp;

    @Test
    void withoutAWarAndPluginsThereIsNothingToTestInAndTheMessageSaysWhatToSet() {
        assertThatThrownBy(() -> JenkinsInstallation.locate(Map.of("JENKINS_WAR", "/some/jenkins.war")))
                .isInstanceOf(JenkinsInstallation.MissingJenkinsException.class)
                .hasMessageContaining("set JENKINS_WAR").hasMessageContaining("JENKINS_PLUGINS_DIR");
        assertThatThrownBy(() -> JenkinsInstallation.locate(Map.of("JENKINS_WAR", temp.resolve("none.war").toString(),
                "JENKINS_PLUGINS_DIR", temp.toString())))
                .isInstanceOf(JenkinsInstallation.MissingJenkinsException.class)
                .hasMessageContaining("JENKINS_WAR is not a file");
    }

    @Test
    void pluginsAreKnownByTheShortNameInTheirManifestsNotByTheirFileNames() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        plugin(plugins.resolve("cloudbees-folder.jpi"), "cloudbees-folder", null);
        plugin(plugins.resolve("renamed-by-someone.hpi"), "matrix-auth", null);
        plugin(plugins.resolve("notes.txt"), "not-a-plugin", null);
        Path war = Files.writeString(temp.resolve("jenkins.war"), "a war");

        JenkinsInstallation installation = JenkinsInstallation.locate(Map.of("JENKINS_WAR", war.toString(),
                "JENKINS_PLUGINS_DIR", plugins.toString(), "JENKINS_JAVA", jdk(21).toString()));

        assertThat(installation.plugins()).containsExactly("cloudbees-folder", "matrix-auth");
        assertThat(installation.pluginFiles()).extracting(path -> path.getFileName().toString())
                .containsExactly("cloudbees-folder.jpi", "renamed-by-someone.hpi");
        assertThat(installation.missing(List.of("matrix-auth", "configuration-as-code", "cloudbees-folder", "a-b")))
                .containsExactly("a-b", "configuration-as-code");
        assertThat(installation.java()).isEqualTo(jdk(21).resolve("bin/java"));
    }

    @Test
    void jenkinsNeedsJava21OrLater() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path war = Files.writeString(temp.resolve("jenkins.war"), "a war");

        assertThat(JenkinsInstallation.featureVersion(jdk(17))).isEqualTo(17);
        // An old JDK given explicitly is passed over; whether another is found depends on the machine.
        try {
            Path java = JenkinsInstallation.locate(Map.of("JENKINS_WAR", war.toString(),
                    "JENKINS_PLUGINS_DIR", plugins.toString(), "JENKINS_JAVA", jdk(17).toString())).java();
            assertThat(JenkinsInstallation.featureVersion(java.getParent().getParent())).isGreaterThanOrEqualTo(21);
        } catch (JenkinsInstallation.MissingJenkinsException none) {
            assertThat(none).hasMessageContaining("No Java 21+");
        }
    }

    @Test
    void thePluginUnderTestRequiresTheDependenciesItsManifestDeclaresExceptOptionalOnes() throws Exception {
        Path hpi = temp.resolve("plugin.hpi");
        plugin(hpi, "snyk-user-provisioning",
                "credentials:1419.v2337d1ceceef,jackson2-api:2.19.2-1,configuration-as-code:1.0;resolution:=optional");

        assertThat(LocalJenkinsExtension.pluginDependencies(hpi)).containsExactly("credentials", "jackson2-api");
        assertThat(LocalJenkinsExtension.pluginDependencies(temp.resolve("not-built.hpi"))).isEmpty();
    }

    @Test
    void theBootScriptAndAPrivatePasswordGoIntoJenkinsHomeAndAKeptHomeKeepsItsPassword() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));

        LocalJenkins.writeBootScript(home);

        Path script = home.resolve("init.groovy.d/00-acceptance-security.groovy");
        assertThat(Files.readString(script)).contains("HudsonPrivateSecurityRealm", "allowAnonymousRead = false",
                LocalJenkins.PASSWORD_FILE, LocalJenkins.TOKEN_FILE, "generateNewToken");
        Path password = home.resolve(LocalJenkins.PASSWORD_FILE);
        assertThat(Files.readString(password).trim()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");

        String first = Files.readString(password);
        LocalJenkins.writeBootScript(home);
        assertThat(Files.readString(password)).isEqualTo(first);
    }

    @Test
    void jobsInFoldersHaveTheirPathsEncoded() {
        assertThat(JenkinsClient.jobPath("onboarding")).isEqualTo("job/onboarding/");
        assertThat(JenkinsClient.jobPath("team a/my job")).isEqualTo("job/team%20a/job/my%20job/");
    }

    /** A plugin file: only a manifest, with its Short-Name and dependencies. */
    private static void plugin(Path file, String shortName, String dependencies) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Short-Name", shortName);
        if (dependencies != null) {
            manifest.getMainAttributes().putValue("Plugin-Dependencies", dependencies);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    /** A JDK folder that says it is of {@code version}, with an executable bin/java. */
    private Path jdk(int version) throws IOException {
        Path jdk = temp.resolve("jdk-" + version);
        Path java = jdk.resolve("bin/java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, "#!/bin/sh\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + ".0.2\"\n");
        }
        return jdk;
    }
}
