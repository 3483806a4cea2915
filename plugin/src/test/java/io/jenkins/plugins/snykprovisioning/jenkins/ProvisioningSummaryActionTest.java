package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProvisioningSummaryActionTest {

    /** A summary whose first failures are {@code u1@example.com} (line 2) onwards. */
    private static ProvisioningSummary summary(long provisioned, long failed, boolean interrupted) {
        List<UserOutcome> failures = IntStream.rangeClosed(1, (int) failed)
                .mapToObj(i -> UserOutcome.failed(new UserOutcome.Subject("u" + i + "@example.com", "org", i + 1, "Developer", null),
                        "no", "forbidden"))
                .toList();
        return new ProvisioningSummary("provision", false, !interrupted, interrupted, null, provisioned + failed + 5,
                Map.of(OutcomeCategory.PROVISIONED, provisioned, OutcomeCategory.FAILED, failed), interrupted ? 5 : 0, 10, 10, 0,
                0, Instant.EPOCH, Instant.EPOCH, List.of(), failures, false, null);
    }

    @Test
    void aLongListOfFailedUsersIsCutShortAndSaysSo() {
        ProvisioningSummaryAction action = new ProvisioningSummaryAction(summary(3, 250, false), "r.json",
                "r-failed.csv", true, null);

        assertThat(action.getFailedUsers()).hasSize(200).first().extracting(ProvisioningSummaryAction.FailedUser::getEmail)
                .isEqualTo("u1@example.com");
        assertThat(action.getFailedUsersNotShown()).isEqualTo(50);
        assertThat(action.getFailedUsersNote())
                .isEqualTo("The first 200 of 250 failed users are listed here; the failed rows file has them all.");
        assertThat(action.getHeadline()).isEqualTo("258 user row(s), mode provision: 250 failed");
        assertThat(action.getFailedUsersInSummary()).extracting(ProvisioningSummaryAction.FailedUser::getEmail)
                .containsExactly("u1@example.com", "u2@example.com", "u3@example.com", "u4@example.com", "u5@example.com");
    }

    @Test
    void aShortListOfFailedUsersIsShownWholeOnTheBuildPage() {
        ProvisioningSummaryAction action = new ProvisioningSummaryAction(summary(3, 2, false), "r.json",
                "r-failed.csv", true, null);

        assertThat(action.getFailedUsersInSummary()).extracting(ProvisioningSummaryAction.FailedUser::getEmail)
                .containsExactly("u1@example.com", "u2@example.com");
        assertThat(action.getFailedUsersNote()).isNull();
    }

    @Test
    void everyOutcomeIsCountedInTheResultsFileOrder() {
        ProvisioningSummaryAction action = new ProvisioningSummaryAction(summary(2, 0, true), "r.json",
                "r-failed.csv", false, null);

        assertThat(action.getCounts()).containsOnlyKeys("provisioned", "already_provisioned", "org_memberships",
                "already_added", "role_updated", "removed", "pending_deleted", "failed", "skipped");
        assertThat(action.getOutcomes()).extracting(ProvisioningSummaryAction.OutcomeCount::getLabel)
                .startsWith("Provisioned (new users)", "Already provisioned", "Added to org (existing users)");
        assertThat(action.getNotProcessed()).isEqualTo(5);
        assertThat(action.getHeadline()).isEqualTo("7 user row(s), mode provision: interrupted, results incomplete");
        assertThat(action.getNotArchivedNote()).isEqualTo(
                "The results were not archived; they are in the workspace: r.json and the failed rows r-failed.csv.");
        assertThat(new ProvisioningSummaryAction(summary(2, 0, false), "r.json", null, false, null).getNotArchivedNote())
                .isEqualTo("The results were not archived; they are in the workspace: r.json.");
    }

    @Test
    void aBuildsSecondRunHasAPageOfItsOwn() {
        ProvisioningSummaryAction action = new ProvisioningSummaryAction(summary(1, 0, false), "r.json",
                "r-failed.csv", true, null);
        assertThat(action.getUrlName()).isEqualTo("snyk-provisioning");

        action.numbered(2);

        assertThat(action.getUrlName()).isEqualTo("snyk-provisioning-2");
        assertThat(action.getDisplayName()).isEqualTo("Snyk provisioning 2");
    }

    @Test
    void hugeEmailsIdsAndMessagesAreCutBeforeTheyAreSavedWithTheBuild() {
        String huge = "x".repeat(60_000);
        UserOutcome refused = UserOutcome.failed(new UserOutcome.Subject(huge + "@example.com", huge, 2, "Developer", null),
                "refused: " + huge, "forbidden");
        ProvisioningSummary stopped = new ProvisioningSummary("provision", false, false, false, "stopped: " + huge, 1,
                Map.of(OutcomeCategory.FAILED, 1L), 0, 1, 1, 0, 0, Instant.EPOCH, Instant.EPOCH, List.of(), List.of(refused), false, null);

        ProvisioningSummaryAction action = new ProvisioningSummaryAction(stopped, "r.json", "r-failed.csv", true, null);

        ProvisioningSummaryAction.FailedUser user = action.getFailedUsers().get(0);
        assertThat(user.getEmail()).hasSize(257).startsWith("xxxx").endsWith("x\u2026");
        assertThat(user.getOrgId()).hasSize(257);
        assertThat(user.getError()).hasSize(1025).startsWith("refused: xxxx");
        assertThat(action.getFatalError()).hasSize(1025).startsWith("stopped: xxxx");
        assertThat(new ProvisioningSummaryAction(summary(0, 1, false), "r.json", "r-failed.csv", true, null).getFailedUsers().get(0).getEmail())
                .as("short values are kept whole").isEqualTo("u1@example.com");
    }

    @Test
    void whatIsSavedWithTheBuildIsPlainJdkAndPluginTypes() {
        // Jenkins' class filter refuses other libraries' types (e.g. immutable collections, the engine's records) in
        // build records, and XStream cannot restore a record: fields are JDK values or this plugin's plain classes.
        Set<Class<?>> checked = new HashSet<>();
        assertSavedTypes(ProvisioningSummaryAction.class, checked);
        assertThat(checked).contains(PlanView.class, PlanView.OrgChanges.class, PlanView.Change.class,
                ProvisioningSummaryAction.FailedUser.class);
    }

    private static void assertSavedTypes(Class<?> type, Set<Class<?>> checked) {
        if (!checked.add(type)) {
            return;
        }
        assertThat(type.isRecord()).as("%s is a record", type.getName()).isFalse();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isTransient(field.getModifiers()) || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            List<Type> types = new ArrayList<>(List.of(field.getType()));
            if (field.getGenericType() instanceof ParameterizedType generic) {
                types.addAll(List.of(generic.getActualTypeArguments()));
            }
            for (Type saved : types) {
                assertThat(saved).as("%s.%s", type.getSimpleName(), field.getName()).isInstanceOf(Class.class);
                Class<?> savedClass = (Class<?>) saved;
                if (savedClass.getPackageName().equals(ProvisioningSummaryAction.class.getPackageName())) {
                    assertSavedTypes(savedClass, checked);
                } else {
                    assertThat(savedClass).as("%s.%s", type.getSimpleName(), field.getName())
                            .matches(plain -> plain.isPrimitive() || PLAIN.contains(plain));
                }
            }
        }
    }

    private static final Set<Class<?>> PLAIN = Set.of(String.class, Long.class, Integer.class, Boolean.class, ArrayList.class,
            LinkedHashMap.class);
}
