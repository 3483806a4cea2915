package io.jenkins.plugins.snykprovisioning.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundTest {

    @Test
    void withoutARateLimitLatencyAndConcurrencyBound() {
        Bound bound = new Bound(2_000, 2_003, 0.050, 10, 0);

        assertThat(bound.k()).isCloseTo(1.0015, within(1e-9));
        assertThat(bound.latencyBoundSeconds()).isCloseTo(10.015, within(1e-9));
        assertThat(bound.rateBoundSeconds()).isZero();
        assertThat(bound.seconds()).isCloseTo(10.015, within(1e-9));
        assertThat(bound.ratio(11.0165)).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void aRateLimitBelowWhatConcurrencyAllowsBinds() {
        // 2,000 calls at 6,000/min take 20 s; at 5 ms and ten at once only 1 s.
        Bound bound = new Bound(2_000, 2_000, 0.005, 10, 6_000);

        assertThat(bound.latencyBoundSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(bound.rateBoundSeconds()).isCloseTo(20.0, within(1e-9));
        assertThat(bound.seconds()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void theOriginalScriptMakesEachUsersCallsInTurnThenPauses() {
        Bound bound = new Bound(1_000, 1_500, 0.050, 10, 0);

        // 1,000 × (1.5 × 0.05 s + 0.2 s)
        assertThat(bound.sequentialScriptSeconds()).isCloseTo(275.0, within(1e-9));
    }

    @Test
    void withNoLatencyAndNoLimitThereIsNoBoundToCompareWith() {
        Bound bound = new Bound(100_000, 100_003, 0, 10, 0);

        assertThat(bound.seconds()).isZero();
        assertThat(bound.ratio(25.0)).isNaN();
    }

    @Test
    void refusesMeaninglessParameters() {
        assertThatThrownBy(() -> new Bound(0, 1, 0.05, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bound(1, 1, 0.05, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
