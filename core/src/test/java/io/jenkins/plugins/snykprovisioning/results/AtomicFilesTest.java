package io.jenkins.plugins.snykprovisioning.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileWholeAndNoLitter() throws Exception {
        Path target = dir.resolve("results.json");
        AtomicFiles.write(target, out -> out.write("{\"old\": true}".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("{\"old\": true}");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void readersNeverSeeAPartialFile() throws Exception {
        Path target = dir.resolve("results.json");
        String big = "x".repeat(1 << 20);
        AtomicFiles.write(target, out -> out.write(("A" + big).getBytes(StandardCharsets.UTF_8)));
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 30; i++) {
                String mark = i % 2 == 0 ? "B" : "A";
                try {
                    AtomicFiles.write(target, out -> out.write((mark + big).getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        writer.start();
        while (writer.isAlive()) {
            assertThat(Files.size(target)).isEqualTo(big.length() + 1);
        }
        writer.join();
    }
}
