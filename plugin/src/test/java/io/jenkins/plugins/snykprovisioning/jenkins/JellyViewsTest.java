package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class JellyViewsTest {

    static List<Path> jellyFiles() {
        return PluginSources.resources(file -> file.toString().endsWith(".jelly"));
    }

    static List<Path> helpFiles() {
        return PluginSources.resources(file -> file.getFileName().toString().matches("help(-.+)?\\.html"));
    }

    @Test
    void thePluginHasItsDescriptionPageAndViews() {
        assertThat(PluginSources.RESOURCES.resolve("index.jelly")).isRegularFile();
        assertThat(jellyFiles()).hasSizeGreaterThan(1);
        assertThat(helpFiles()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void jellyEscapesByDefault(Path jelly) throws Exception {
        // Without this, ${...} expressions are written out unescaped (a cross-site scripting hole).
        assertThat(Files.readString(jelly)).startsWith("<?jelly escape-by-default='true'?>");
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void jellyIsWellFormedXml(Path jelly) throws Exception {
        Document document = PluginSources.parseXml(jelly);
        assertThat(document.getDocumentElement()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void localizedTextHasNoParentheses(Path jelly) throws Exception {
        // In ${%Text (more)} Jelly reads "(more)" as message arguments and shows only "Text ".
        assertThat(Files.readString(jelly)).doesNotContainPattern("\\$\\{%[^}]*\\(");
    }

    @ParameterizedTest
    @MethodSource("helpFiles")
    void helpIsOneDiv(Path help) throws Exception {
        Document document = PluginSources.parseXml(help);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("div");
        assertThat(document.getDocumentElement().getTextContent()).isNotBlank();
    }
}
