package io.jenkins.plugins.snykprovisioning.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MixTest {

    @Test
    void splitsUsersByPercentageWithNewUsersTakingTheRounding() {
        Mix mix = Mix.parse("60, 20, 20");

        assertThat(mix).isEqualTo(Mix.STANDARD);
        assertThat(mix.existing(2_001)).isEqualTo(400);
        assertThat(mix.wrongRole(2_001)).isEqualTo(400);
        assertThat(mix.newUsers(2_001)).isEqualTo(1_201);
    }

    @Test
    void percentagesMustAddUpToAHundred() {
        assertThatThrownBy(() -> Mix.parse("60,20,10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mix.parse("60,40")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mix.parse("a,b,c")).isInstanceOf(IllegalArgumentException.class);
    }
}
