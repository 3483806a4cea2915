package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;

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
        assertThat(ConfigFormsTest.fieldsOf(STEP_VIEWS.resolve("config.jelly")))
                .containsExactlyInAnyOrderElementsOf(ProvisioningSettings.PROPERTIES);
        // The freestyle step has no form or field help of its own: its descriptor names the Pipeline step's.
        try (Stream<Path> builderViews = Files.list(BUILDER_VIEWS)) {
            assertThat(builderViews).extracting(path -> path.getFileName().toString()).containsExactly("help.html");
        }
        assertThat(STEP_VIEWS.resolve("help.html")).isRegularFile();
    }

    @Test
    void onlyTheCredentialsAreRequired() throws Exception {
        for (Class<?> type : List.of(SnykProvisionUsersBuilder.class, SnykProvisionUsersStep.class)) {
            assertThat(type.getConstructors()).as(type.getName()).singleElement().satisfies(constructor -> {
                assertThat(constructor.isAnnotationPresent(DataBoundConstructor.class)).isTrue();
                assertThat(constructor.getParameters()).extracting(Parameter::getName).containsExactly("credentialsId");
            });
        }
    }
}
