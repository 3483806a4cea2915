package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The freestyle step and the Pipeline step are configured alike, by one form with help for every field. */
class SettingsPropertiesTest {

    private static final Path BUILDER_VIEWS =
            PluginSources.RESOURCES.resolve("io/jenkins/plugins/snykprovisioning/jenkins/SnykProvisionUsersBuilder");
    private static final Path STEP_VIEWS =
            PluginSources.RESOURCES.resolve("io/jenkins/plugins/snykprovisioning/jenkins/SnykProvisionUsersStep");

    @Test
    void bothStepsBindEverySettingUnderTheSameName() {
        List<String> getters = new ArrayList<>();
        for (Method method : ProvisioningSettings.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                String name = method.getName().replaceFirst("^(get|is)", "");
                getters.add(Introspector.decapitalize(name));
            }
        }

        assertThat(ProvisioningSettings.PROPERTIES).containsExactlyInAnyOrderElementsOf(getters);
        assertThat(ConfigFormsTest.bindableProperties(SnykProvisionUsersBuilder.class))
                .containsExactlyInAnyOrderElementsOf(ProvisioningSettings.PROPERTIES);
        assertThat(ConfigFormsTest.bindableProperties(SnykProvisionUsersStep.class))
                .containsExactlyInAnyOrderElementsOf(ProvisioningSettings.PROPERTIES);
    }

    @Test
    void theSharedFormHasEverySettingInOrder() throws Exception {
        assertThat(ConfigFormsTest.fieldsOf(BUILDER_VIEWS.resolve("config.jelly")))
                .containsExactlyInAnyOrderElementsOf(ProvisioningSettings.PROPERTIES);
        // The Pipeline step has no form of its own: its descriptor names the freestyle step's.
        assertThat(STEP_VIEWS.resolve("config.jelly")).doesNotExist();
        assertThat(STEP_VIEWS.resolve("help.html")).isRegularFile();
        assertThat(BUILDER_VIEWS.resolve("help.html")).isRegularFile();
    }

    @Test
    void requiredSettingsAreTheConstructorsOnly() throws Exception {
        for (Class<?> type : List.of(SnykProvisionUsersBuilder.class, SnykProvisionUsersStep.class)) {
            assertThat(type.getConstructor(String.class, String.class).getParameters())
                    .extracting(Parameter::getName).containsExactly("credentialsId", "orgId");
        }
    }
}
