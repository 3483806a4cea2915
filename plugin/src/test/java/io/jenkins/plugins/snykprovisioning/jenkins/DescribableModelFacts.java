package io.jenkins.plugins.snykprovisioning.jenkins;

import com.thoughtworks.xstream.converters.reflection.SunUnsafeReflectionProvider;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Jenkins' Pipeline Steps Reference and Pipeline data binding see of a step, without Jenkins. These rules
 * are the structs plugin's {@code DescribableModel} (which the reference page of workflow-cps renders), restated:
 * <ul>
 *   <li>the parameters are the {@link DataBoundConstructor}'s (required, in their order), then the
 *       {@link DataBoundSetter}s' (optional, by name);
 *   <li>a parameter's help is the resource {@code help-NAME.html} of the class or a superclass, looked up in the
 *       class's own folder ({@code a/b/C/help-NAME.html}); help redirects of the descriptor are not followed;
 *   <li>an enum parameter is shown with its constants' names, and a script's string is bound to the constant
 *       of exactly that name ({@code Enum.valueOf}); numbers and booleans are bound as they are.
 * </ul>
 */
final class DescribableModelFacts {

    /** A parameter of a step, as the reference lists it. */
    record StepParameter(String name, Class<?> type, boolean required) {
    }

    private DescribableModelFacts() {
    }

    static List<StepParameter> parameters(Class<?> type) {
        List<StepParameter> parameters = new ArrayList<>();
        for (Parameter parameter : dataBoundConstructor(type).getParameters()) {
            parameters.add(new StepParameter(parameter.getName(), parameter.getType(), true));
        }
        Map<String, StepParameter> optional = new TreeMap<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class)) {
                    String name = Introspector.decapitalize(method.getName().substring("set".length()));
                    optional.put(name, new StepParameter(name, method.getParameterTypes()[0], false));
                }
            }
        }
        parameters.addAll(optional.values());
        return parameters;
    }

    static StepParameter parameter(Class<?> type, String name) {
        return parameters(type).stream().filter(parameter -> parameter.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type.getName() + " has no parameter " + name));
    }

    /** The help the reference shows for {@code name} (null for the step as a whole), or null when there is none. */
    static String help(Class<?> type, String name) throws IOException {
        String file = name == null ? "help.html" : "help-" + name + ".html";
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            URL resource = c.getClassLoader() == null ? null
                    : c.getClassLoader().getResource(c.getName().replace('.', '/').replace('$', '/') + "/" + file);
            if (resource != null) {
                try (InputStream in = resource.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /**
     * The values a script gives to {@code type}'s setters, bound as Jenkins binds them, on an instance made without
     * its constructor (Jenkins' API stubs cannot run here); the constructor's own parameters are set on its fields.
     */
    static <T> T bind(Class<T> type, Map<String, Object> arguments) throws ReflectiveOperationException {
        T instance = type.cast(new SunUnsafeReflectionProvider().newInstance(type));
        List<StepParameter> parameters = parameters(type);
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            StepParameter parameter = parameters.stream().filter(p -> p.name().equals(argument.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown parameter " + argument.getKey()));
            Object value = coerced(parameter, argument.getValue());
            if (parameter.required()) {
                Field field = type.getDeclaredField(parameter.name());
                field.setAccessible(true);
                field.set(instance, value);
            } else {
                type.getMethod("set" + Character.toUpperCase(parameter.name().charAt(0)) + parameter.name().substring(1),
                        parameter.type()).invoke(instance, value);
            }
        }
        return instance;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object coerced(StepParameter parameter, Object value) {
        Class<?> type = parameter.type();
        if (value instanceof String text && type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        if (value == null || wrapped(type).isInstance(value)) {
            return value;
        }
        throw new ClassCastException(parameter.name() + " expects " + type.getName() + " but received " + value.getClass());
    }

    private static Class<?> wrapped(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        return type == boolean.class ? Boolean.class : type;
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        throw new AssertionError(type.getName() + " has no @DataBoundConstructor");
    }
}
