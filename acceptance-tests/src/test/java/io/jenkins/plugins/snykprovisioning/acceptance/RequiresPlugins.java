package io.jenkins.plugins.snykprovisioning.acceptance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The plugins (by id, a manifest's {@code Short-Name}) a test class needs beyond the plugin under test's own
 * dependencies. Where the given Jenkins lacks one, {@link LocalJenkinsExtension} skips the class and names it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPlugins {
    String[] value();
}
