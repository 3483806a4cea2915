package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundConstructor;

/** Checks the assembled .hpi the way Jenkins will read it (runs after {@code package}). */
class HpiPackageIT {

    private static final String PLUGIN_JAR = "WEB-INF/lib/snyk-user-provisioning.jar";

    @TempDir
    static Path temp;

    private static JarFile hpi;
    private static JarFile pluginJar;
    private static Path pluginJarFile;

    @BeforeAll
    static void open() throws IOException {
        Path hpiFile = Path.of(System.getProperty("hpi.file", "target/snyk-user-provisioning.hpi"));
        assertThat(hpiFile).as("the .hpi built by package").isRegularFile();
        hpi = new JarFile(hpiFile.toFile());
        ZipEntry jarEntry = hpi.getEntry(PLUGIN_JAR);
        assertThat(jarEntry).as(PLUGIN_JAR).isNotNull();
        pluginJarFile = temp.resolve("snyk-user-provisioning.jar");
        try (InputStream in = hpi.getInputStream(jarEntry)) {
            Files.copy(in, pluginJarFile);
        }
        pluginJar = new JarFile(pluginJarFile.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        if (pluginJar != null) {
            pluginJar.close();
        }
        if (hpi != null) {
            hpi.close();
        }
    }

    @Test
    void manifestTellsJenkinsWhatThePluginIs() throws IOException {
        Attributes main = hpi.getManifest().getMainAttributes();
        String version = System.getProperty("hpi.version");

        assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(main.getValue("Short-Name")).isEqualTo("snyk-user-provisioning");
        assertThat(main.getValue("Long-Name")).isEqualTo("Snyk User Provisioning");
        assertThat(main.getValue("Plugin-Version")).isNotBlank().isEqualTo(version);
        assertThat(main.getValue("Implementation-Version")).isEqualTo(version);
        assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.492.3");
        assertThat(main.getValue("Plugin-Dependencies")).isEqualTo("credentials:1419.v2337d1ceceef,"
                + "plain-credentials:199.v9f8e1f741799,workflow-step-api:706.v518c5dcb_24c0,"
                + "jackson2-api:2.19.2-408.v18248a_324cfe,apache-httpcomponents-client-5-api:5.6.4-204.vfa_29df89ffcf");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(main.getValue("Artifact-Id")).isEqualTo("snyk-user-provisioning");
        assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
        assertThat(main.getValue("Url")).startsWith("https://");
        assertThat(main.getValue("Plugin-Developers")).isNotBlank();
        assertThat(main.getValue("Specification-Title")).isNotBlank();
        assertThat(main.getValue("Plugin-Class")).as("no legacy hudson.Plugin subclass").isNull();
    }

    @Test
    void pluginJarCarriesThePluginManifest() throws IOException {
        // Jenkins' class filter lets XStream load the plugin's classes only from a jar with these attributes.
        Attributes jar = pluginJar.getManifest().getMainAttributes();
        Attributes main = hpi.getManifest().getMainAttributes();
        for (String name : List.of("Short-Name", "Plugin-Version", "Jenkins-Version", "Plugin-Dependencies")) {
            assertThat(jar.getValue(name)).as(name).isNotBlank().isEqualTo(main.getValue(name));
        }
    }

    @Test
    void layoutIsTheManifestAndTheLibrariesOnly() {
        List<String> names = Collections.list(hpi.entries()).stream().map(ZipEntry::getName).toList();

        assertThat(names).allMatch(name -> name.equals("META-INF/") || name.equals("META-INF/MANIFEST.MF")
                || name.equals("WEB-INF/") || name.equals("WEB-INF/lib/") || name.matches("WEB-INF/lib/[^/]+\\.jar"),
                "only the manifest and WEB-INF/lib/*.jar");
        assertThat(names).noneMatch(name -> name.endsWith(".class"));
    }

    @Test
    void bundlesThePluginJarAndTheLibrariesJenkinsLacks() {
        // Jackson (jackson2-api plugin), HttpClient 5 (apache-httpcomponents-client-5-api plugin), slf4j,
        // commons-io and commons-codec (Jenkins core) and the compile-only Jenkins stubs must not be here.
        assertThat(bundledLibraries()).satisfiesExactlyInAnyOrder(
                name -> assertThat(name).isEqualTo("snyk-user-provisioning.jar"),
                name -> assertThat(name).matches("snyk-provisioning-core-\\d.*\\.jar"),
                name -> assertThat(name).matches("commons-csv-\\d.*\\.jar"));
    }

    @Test
    void httpClient5ComesFromItsApiPluginAndIsNotBundled() {
        String dependencies = manifestValue("Plugin-Dependencies");

        assertThat(dependencies.split(",")).anySatisfy(dependency -> assertThat(dependency)
                .startsWith("apache-httpcomponents-client-5-api:5.6").doesNotContain("resolution:=optional"));
        assertThat(bundledLibraries()).noneMatch(name -> name.startsWith("httpclient5") || name.startsWith("httpcore5"));
    }

    private static String manifestValue(String name) {
        try {
            return hpi.getManifest().getMainAttributes().getValue(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> bundledLibraries() {
        return Collections.list(hpi.entries()).stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                .map(name -> name.substring("WEB-INF/lib/".length()))
                .sorted()
                .toList();
    }

    @Test
    void pluginJarHasItsViewsAndMessagesAndNoJenkinsClasses() {
        List<String> names = pluginJarEntries();

        assertThat(names).contains("index.jelly",
                "io/jenkins/plugins/snykprovisioning/jenkins/Messages.class",
                "io/jenkins/plugins/snykprovisioning/jenkins/Messages.properties",
                "io/jenkins/plugins/snykprovisioning/jenkins/SnykProvisioningGlobalConfiguration/config.jelly");
        assertThat(names).filteredOn(name -> name.endsWith(".class"))
                .allMatch(name -> name.startsWith("io/jenkins/plugins/snykprovisioning/jenkins/"));
    }

    @Test
    void extensionIndexListsEveryExtension() throws Exception {
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {pluginJarFile.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, jarOnly)) {
                indexed.add(item.memberName() == null ? item.className() : item.className() + "#" + item.memberName());
            }
        }

        Set<String> annotated = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            if (type.isAnnotationPresent(Extension.class)) {
                annotated.add(type.getName());
            }
            List<AnnotatedElement> members = new ArrayList<>(Arrays.asList(type.getDeclaredFields()));
            members.addAll(Arrays.asList(type.getDeclaredMethods()));
            for (AnnotatedElement member : members) {
                if (member.isAnnotationPresent(Extension.class)) {
                    annotated.add(type.getName() + "#" + ((Member) member).getName());
                }
            }
        }

        assertThat(annotated).contains(SnykProvisioningGlobalConfiguration.class.getName());
        assertThat(indexed).isEqualTo(annotated);
    }

    @Test
    void symbolIndexListsEverySymbol() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            if (type.isAnnotationPresent(Symbol.class)) {
                expected.add(type.getName());
            }
        }
        // annotation-indexer on Maven Central (1.2) writes the older of the two places Jenkins reads.
        List<String> indexFiles = pluginJarEntries().stream()
                .filter(name -> name.equals("META-INF/annotations/org.jenkinsci.Symbol")
                        || name.equals("META-INF/services/annotations/org.jenkinsci.Symbol"))
                .toList();
        assertThat(indexFiles).hasSize(1);

        Set<String> indexed = new TreeSet<>(readLines(indexFiles.get(0)));
        assertThat(expected).contains(SnykProvisioningGlobalConfiguration.class.getName());
        assertThat(indexed).isEqualTo(expected);
    }

    @Test
    void everyDataBoundConstructorHasItsParameterNamesFile() throws Exception {
        for (Class<?> type : pluginClasses()) {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                    String entry = type.getName().replace('.', '/') + ".stapler";
                    Properties stapler = new Properties();
                    ZipEntry zipEntry = pluginJar.getEntry(entry);
                    assertThat(zipEntry).as(entry).isNotNull();
                    try (InputStream in = pluginJar.getInputStream(zipEntry)) {
                        stapler.load(in);
                    }
                    String names = String.join(",",
                            Arrays.stream(constructor.getParameters()).map(Parameter::getName).toList());
                    assertThat(stapler.getProperty("constructor")).as(entry).isEqualTo(names);
                }
            }
        }
    }

    private static List<String> pluginJarEntries() {
        return Collections.list(pluginJar.entries()).stream().map(ZipEntry::getName).toList();
    }

    /** The plugin's classes, loaded (not initialized) with the compile-only Jenkins API beside them. */
    private static List<Class<?>> pluginClasses() throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : pluginJarEntries()) {
            if (name.endsWith(".class")) {
                String binaryName = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(binaryName, false, HpiPackageIT.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static List<String> readLines(String entry) throws IOException {
        try (InputStream in = pluginJar.getInputStream(pluginJar.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
