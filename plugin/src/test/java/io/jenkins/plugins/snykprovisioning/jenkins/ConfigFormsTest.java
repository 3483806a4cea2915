package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every {@code config.jelly} is checked against the class it configures (found by the view's folder,
 * e.g. {@code a/b/C/config.jelly} for {@code a.b.C}): each {@code field} must be something Stapler can
 * bind, and each must have its help file.
 */
class ConfigFormsTest {

    static List<Path> configForms() {
        return PluginSources.resources(file -> PluginSources.named(file, "config.jelly"));
    }

    @Test
    void theGlobalConfigurationHasAForm() {
        assertThat(configForms()).extracting(form -> form.getParent().getFileName().toString())
                .contains(SnykProvisioningGlobalConfiguration.class.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("configForms")
    void everyFieldIsBoundByTheClass(Path form) throws Exception {
        Class<?> owner = ownerOf(form);
        List<String> fields = fieldsOf(form);

        assertThat(fields).as("fields of %s", form).isNotEmpty().doesNotHaveDuplicates();
        assertThat(bindableProperties(owner))
                .as("@DataBoundConstructor parameters and @DataBoundSetters of %s", owner.getName())
                .containsAll(fields);
    }

    @ParameterizedTest
    @MethodSource("configForms")
    void everyFieldHasHelpAndEveryHelpHasAField(Path form) throws Exception {
        List<String> fields = fieldsOf(form);
        for (String field : fields) {
            assertThat(form.resolveSibling("help-" + field + ".html")).as("help for %s", field).isRegularFile();
        }
        try (Stream<Path> siblings = Files.list(form.getParent())) {
            List<String> documented = siblings.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("help-") && name.endsWith(".html"))
                    .map(name -> name.substring("help-".length(), name.length() - ".html".length()))
                    .toList();
            assertThat(fields).as("fields with a help file beside %s", form).containsAll(documented);
        }
    }

    /** The class whose view folder holds {@code form}; nested classes have one folder per level. */
    static Class<?> ownerOf(Path form) throws ClassNotFoundException {
        String name = PluginSources.RESOURCES.relativize(form.getParent()).toString().replace(File.separatorChar, '.');
        ClassLoader loader = ConfigFormsTest.class.getClassLoader();
        while (true) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                int lastDot = name.lastIndexOf('.');
                if (lastDot < 0) {
                    throw new ClassNotFoundException("No class for the view folder of " + form, e);
                }
                name = name.substring(0, lastDot) + '$' + name.substring(lastDot + 1);
            }
        }
    }

    static List<String> fieldsOf(Path form) throws Exception {
        Document document = PluginSources.parseXml(form);
        NodeList elements = document.getElementsByTagNameNS("*", "*");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttribute("field")) {
                fields.add(element.getAttribute("field"));
            }
        }
        return fields;
    }

    static Set<String> bindableProperties(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent()).as("%s compiled with -parameters", type.getName()).isTrue();
                    names.add(parameter.getName());
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
                names.add(Introspector.decapitalize(method.getName().substring("set".length())));
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataBoundSetter.class)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }
}
