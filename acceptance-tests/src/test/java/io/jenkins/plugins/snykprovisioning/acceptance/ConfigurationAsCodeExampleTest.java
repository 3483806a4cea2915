package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documentation shows exactly the YAML that ConfigurationAsCodeIT boots Jenkins with. */
class ConfigurationAsCodeExampleTest {

    @Test
    void theGuideQuotesTheYamlTheAcceptanceTestUses() throws Exception {
        Path root = LocalJenkinsExtension.projectRoot();
        String yaml = Files.readString(root.resolve(ConfigurationAsCodeIT.EXAMPLE));
        String guide = Files.readString(root.resolve("docs/configuration-as-code.md"));

        assertThat(yaml).contains("snykProvisioning:", "secret: \"${SNYK_TOKEN}\"").doesNotContain("SNYKTOKEN");
        assertThat(guide).contains("```yaml\n" + yaml + "```\n");
    }

    @Test
    void formFieldsAreReadFromTheirInputOrSelectWhateverTheAttributeOrder() {
        String html = "<input type=\"number\" value=\"5\" name=\"_.concurrency\" class=\"jenkins-input\">"
                + "<select name=\"_.region\" value=\"SNYK-EU-01\"></select><input name=\"_.apiUrl\" type=\"text\">";

        assertThat(ConfigurationAsCodeIT.fieldValue(html, "concurrency")).isEqualTo("5");
        assertThat(ConfigurationAsCodeIT.fieldValue(html, "region")).isEqualTo("SNYK-EU-01");
        assertThat(ConfigurationAsCodeIT.fieldValue(html, "apiUrl")).isEmpty();
    }
}
