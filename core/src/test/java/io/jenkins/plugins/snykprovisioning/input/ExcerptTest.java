package io.jenkins.plugins.snykprovisioning.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aTextThatFitsIsKeptAndALongerOneIsCutAndMarked() {
        assertThat(Excerpt.of(null, 3)).isNull();
        assertThat(Excerpt.of("abc", 3)).isEqualTo("abc");
        assertThat(Excerpt.of("abcd", 3)).isEqualTo("abc\u2026");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNotSplit() {
        String text = "ab\uD83D\uDE00cd";
        assertThat(Excerpt.of(text, 3)).isEqualTo("ab\u2026");
        assertThat(Excerpt.of(text, 4)).isEqualTo("ab\uD83D\uDE00\u2026");
    }
}
