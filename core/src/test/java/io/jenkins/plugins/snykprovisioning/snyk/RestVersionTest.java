package io.jenkins.plugins.snykprovisioning.snyk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestVersionTest {

    @Test
    void acceptsEveryFormOfTheSpecsVersionPattern() {
        for (String version : List.of("2025-11-05", "2024-08-25~beta", "2024-05-09~experimental", "2024-05-09~wip",
                "2024-05-09~work-in-progress", "beta", "experimental", "wip", "work-in-progress", " 2024-10-15 ")) {
            assertThat(SnykApi.checkedVersion(version)).as(version).isEqualTo(version.trim());
        }
        assertThat(SnykApi.checkedVersion(null)).isEqualTo(SnykApi.DEFAULT_REST_VERSION);
        assertThat(SnykApi.checkedVersion(" ")).isEqualTo(SnykApi.DEFAULT_REST_VERSION);
    }

    @Test
    void refusesWhatThePatternRefuses() {
        for (String version : List.of("2025-21-05", "2025-11-32", "2025-11-00", "25-11-05", "2025-11-05~ga", "ga",
                "2025-11-05~beta~beta", "2025/11/05", "2025-11-05&limit=10")) {
            assertThatThrownBy(() -> SnykApi.checkedVersion(version)).as(version)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(version);
        }
    }
}
