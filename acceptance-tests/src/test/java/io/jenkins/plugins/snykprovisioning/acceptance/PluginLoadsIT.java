package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithLocalJenkins
@RequiresPlugins("structs")
class PluginLoadsIT {

    @Test
    void pluginIsActiveWithTheBuiltVersion(LocalJenkins jenkins) {
        LocalJenkins.Response response = jenkins.get("pluginManager/api/json?depth=1");
        assertThat(response.status()).isEqualTo(200);

        JsonNode ours = null;
        for (JsonNode plugin : response.json().path("plugins")) {
            if (plugin.path("shortName").asText().equals(LocalJenkins.PLUGIN_ID)) {
                ours = plugin;
            }
        }
        assertThat(ours).as("%s in the plugin manager", LocalJenkins.PLUGIN_ID).isNotNull();
        assertThat(ours.path("active").asBoolean()).isTrue();
        assertThat(ours.path("enabled").asBoolean()).isTrue();
        assertThat(ours.path("version").asText()).isEqualTo(System.getProperty("acceptance.pluginVersion"));
        assertThat(ours.path("longName").asText()).isEqualTo("Snyk User Provisioning");

    }

    @Test
    void pluginDependsOnTheCredentialsPipelineJacksonAndHttpClientPlugins(LocalJenkins jenkins) {
        LocalJenkins.Response response = jenkins.get("pluginManager/api/json?tree=plugins[shortName,dependencies[shortName]]");
        assertThat(response.status()).isEqualTo(200);

        List<String> dependencies = new ArrayList<>();
        for (JsonNode plugin : response.json().path("plugins")) {
            if (plugin.path("shortName").asText().equals(LocalJenkins.PLUGIN_ID)) {
                plugin.path("dependencies").forEach(dependency -> dependencies.add(dependency.path("shortName").asText()));
            }
        }
        assertThat(dependencies).containsExactlyInAnyOrder("credentials", "plain-credentials", "workflow-step-api",
                "jackson2-api", "apache-httpcomponents-client-5-api");
    }

    @Test
    void jenkinsLogsNoErrorWhileLoadingPlugins(LocalJenkins jenkins) {
        List<String> lines = jenkins.log().lines().toList();

        assertThat(lines).as("Jenkins log").noneMatch(line -> line.contains("SEVERE"));
        assertThat(lines).as("Jenkins log").noneMatch(line -> line.contains("Failed Loading plugin"));
        assertThat(lines).as("Jenkins log").noneMatch(line -> line.contains(LocalJenkins.PLUGIN_ID)
                && (line.contains("WARNING") || line.contains("Exception")));
    }

    @Test
    void extensionsAreLoadedFromThePluginsIndexes(LocalJenkins jenkins) {
        // The SezPoz index (hudson.Extension) found the class; annotation-indexer's list is read for @Symbol.
        String output = jenkins.scriptConsole("""
                def plugin = jenkins.model.Jenkins.get().pluginManager.getPlugin('snyk-user-provisioning')
                def type = plugin.classLoader.loadClass('io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisioningGlobalConfiguration')
                println(jenkins.model.Jenkins.get().getExtensionList(jenkins.model.GlobalConfiguration).get(type) != null)
                println(org.jvnet.hudson.annotation_indexer.Index.listClassNames(org.jenkinsci.Symbol, plugin.classLoader).contains(type.name))
                println(org.jenkinsci.plugins.structs.SymbolLookup.get().find(hudson.model.Descriptor, 'snykProvisioning')?.getClass()?.name)
                """);

        assertThat(output.lines().toList()).containsExactly("true", "true",
                "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisioningGlobalConfiguration");
    }

    @Test
    void theBuildStepsAreRegistered(LocalJenkins jenkins) {
        String output = jenkins.scriptConsole("""
                def j = jenkins.model.Jenkins.get()
                println(j.getDescriptorByName('io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersBuilder')?.displayName)
                println(hudson.tasks.BuildStep.BUILDERS.any { it.clazz.name.endsWith('SnykProvisionUsersBuilder') })
                def step = org.jenkinsci.plugins.workflow.steps.StepDescriptor.byFunctionName('snykProvisionUsers')
                println(step?.clazz?.name)
                println(step?.requiredContext*.simpleName?.sort())
                println(step?.configPage)
                println(j.getDescriptorByName('io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersBuilder')?.configPage)
                """);

        assertThat(output.lines().toList()).containsExactly("Provision users to Snyk", "true",
                "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersStep",
                "[EnvVars, FilePath, Launcher, Run, TaskListener]",
                "/io/jenkins/plugins/snykprovisioning/jenkins/SnykProvisionUsersStep/config.jelly",
                "/io/jenkins/plugins/snykprovisioning/jenkins/SnykProvisionUsersStep/config.jelly");
    }
}
