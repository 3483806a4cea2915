package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefusalStreakTest {

    private static final UserOutcome.Subject USER = new UserOutcome.Subject("a@example.com", "org", 2, "Developer", null);

    private static UserOutcome refused(int status, String errorType, String code) {
        return UserOutcome.failed(USER, new UserOutcome.Failure("no", status, errorType, code, null));
    }

    private static final UserOutcome FORBIDDEN = refused(403, "forbidden", "403");
    private static final UserOutcome DONE = UserOutcome.skipped(USER, "already a member with this role", 0);

    private static boolean addAll(RefusalStreak streak, UserOutcome outcome, int times) {
        return IntStream.range(0, times).mapToObj(i -> streak.add(outcome)).reduce(false, Boolean::logicalOr);
    }

    @Test
    void theFifthSameRefusalInARowStopsTheRunAndSoDoTheNext() {
        RefusalStreak streak = new RefusalStreak();
        assertThat(addAll(streak, FORBIDDEN, 4)).isFalse();
        assertThat(streak.add(FORBIDDEN)).isTrue();
        assertThat(streak.add(FORBIDDEN)).as("a worker that sees it stops too").isTrue();
    }

    @Test
    void anyOtherOutcomeBreaksTheStreak() {
        RefusalStreak streak = new RefusalStreak();
        assertThat(addAll(streak, FORBIDDEN, 4)).isFalse();
        assertThat(streak.add(DONE)).isFalse();
        assertThat(addAll(streak, FORBIDDEN, 4)).isFalse();
        assertThat(streak.add(refused(403, "forbidden", "another-code"))).isFalse();
        assertThat(addAll(streak, FORBIDDEN, 4)).isFalse();
        assertThat(streak.add(refused(400, "bad_request", "400"))).isFalse();
        assertThat(addAll(streak, FORBIDDEN, 5)).isTrue();
    }

    @Test
    void refusalsAboutTheUserDoNotCount() {
        RefusalStreak streak = new RefusalStreak();
        assertThat(addAll(streak, refused(403, "user_not_found_in_group", "84246666-373b-421a-9525-1ad740b3e787"), 10)).isFalse();
        assertThat(addAll(streak, refused(404, "not_found", null), 10)).isFalse();
    }
}
