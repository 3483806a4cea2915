package io.jenkins.plugins.snykprovisioning.acceptance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test class drives headless Chromium ({@link Browser}). Where Chromium or chromedriver is missing, the
 * class is skipped before anything starts, and each of its tests is reported as skipped with the reason, as
 * {@link WithLocalJenkins} does where no Jenkins is given (a failed assumption in {@code @BeforeAll} would
 * instead leave the class out of the count).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowser.Condition.class)
public @interface RequiresBrowser {

    /** Disables the class where {@link Browser#unavailableReason()} names a missing binary. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = Browser.unavailableReason();
            if (missing == null) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            String reason = "Browser tests skipped: " + missing;
            if (context.getTestMethod().isEmpty()) {
                System.out.println("[acceptance] " + context.getDisplayName() + " " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
