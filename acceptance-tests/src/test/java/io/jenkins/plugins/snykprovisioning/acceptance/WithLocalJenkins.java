package io.jenkins.plugins.snykprovisioning.acceptance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class's methods (and constructor) a {@link LocalJenkins} parameter: one Jenkins for the
 * whole test run, booted on first use and stopped when the run ends. Without a Jenkins given
 * ({@code JENKINS_WAR}, {@code JENKINS_PLUGINS_DIR}), or without a plugin the class needs, the class is
 * skipped, with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalJenkinsExtension.class)
public @interface WithLocalJenkins {
}
