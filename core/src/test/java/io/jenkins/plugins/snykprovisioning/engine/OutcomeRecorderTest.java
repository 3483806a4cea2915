package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.results.Journal;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeRecorderTest {

    @TempDir
    Path dir;

    private static UserOutcome skipped(String email) {
        return UserOutcome.skipped(new UserOutcome.Subject(email, "org", 2, "Developer", null), "already a member with this role", 0);
    }

    /**
     * The first worker is slow to tell the listener; the second records meanwhile. Told outside the recorder's
     * lock, the listener would see 2 before 1, and a progress line would go backwards.
     */
    @Test
    void theListenerSeesTheCountsInOrderWhenWorkersRecordAtTheSameTime() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch firstBeingTold = new CountDownLatch(1);
        CountDownLatch secondTold = new CountDownLatch(1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void userDone(UserOutcome outcome, long done, long total) {
                if (done == 1) {
                    firstBeingTold.countDown();
                    try {
                        // Long enough for the second worker to get through, were it not held back.
                        secondTold.await(300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    secondTold.countDown();
                }
                seen.add(done);
            }
        };
        try (Journal journal = Journal.create(dir.resolve("r.journal.jsonl"), "provision", false)) {
            OutcomeRecorder recorder = new OutcomeRecorder(journal, null, listener);
            recorder.expect(2);
            Thread first = new Thread(() -> record(recorder, skipped("a@example.com")));
            first.start();
            assertThat(firstBeingTold.await(5, TimeUnit.SECONDS)).isTrue();
            Thread second = new Thread(() -> record(recorder, skipped("b@example.com")));
            second.start();
            first.join();
            second.join();
        }
        assertThat(seen).containsExactly(1L, 2L);
    }

    private static void record(OutcomeRecorder recorder, UserOutcome outcome) {
        try {
            recorder.record(outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
