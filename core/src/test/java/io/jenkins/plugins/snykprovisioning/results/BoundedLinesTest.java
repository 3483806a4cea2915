package io.jenkins.plugins.snykprovisioning.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    private static List<String> lines(String text, int maxChars) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BoundedLines reader = new BoundedLines(new StringReader(text), maxChars, "f")) {
            String line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void linesEndWithANewLineOrTheEndOfTheTextAndLoseACarriageReturn() throws IOException {
        assertThat(lines("abc\r\n\nde\nfgh", 3)).containsExactly("abc", "", "de", "fgh");
        assertThat(lines("", 3)).isEmpty();
        assertThat(lines("a\n", 3)).containsExactly("a");
    }

    @Test
    void aLineOverTheBoundIsRefusedNamingIt() {
        assertThatThrownBy(() -> lines("abc\nabcd\n", 3)).isInstanceOf(BoundedLines.TooLongException.class)
                .hasMessage("f line 2 is longer than 3 characters");
        assertThatThrownBy(() -> lines("abc\r\nabcd\r", 3)).hasMessage("f line 2 is longer than 3 characters");
    }

    @Test
    void anEndlessLineIsRefusedAfterReadingLittleMoreThanTheBound() {
        CountingEndlessReader endless = new CountingEndlessReader();

        assertThatThrownBy(() -> new BoundedLines(endless, 100_000, "f").next()).isInstanceOf(BoundedLines.TooLongException.class);
        assertThat(endless.read).isLessThan(100_000 + 2 * 8192);
    }

    /** 'x' without end. */
    private static final class CountingEndlessReader extends Reader {
        long read;

        @Override
        public int read(char[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, 'x');
            read += length;
            return length;
        }

        @Override
        public void close() {
        }
    }
}
