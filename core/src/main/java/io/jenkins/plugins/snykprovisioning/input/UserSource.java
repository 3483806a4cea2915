package io.jenkins.plugins.snykprovisioning.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where users come from. It can be opened more than once: the file is read once to validate every
 * row before anything is sent, and again to do the work, so it is never held in memory whole.
 */
public interface UserSource {

    /** How messages name the source, e.g. the file path. */
    String name();

    InputStream open() throws IOException;

    static UserSource ofPath(Path path) {
        return new UserSource() {
            @Override
            public String name() {
                return path.toString();
            }

            @Override
            public InputStream open() throws IOException {
                if (Files.isDirectory(path)) {
                    throw new InputFileException(path.toString(), 0, "is a directory, not a user file");
                }
                try {
                    return Files.newInputStream(path);
                } catch (NoSuchFileException e) {
                    throw new InputFileException(path.toString(), 0, "no such file");
                }
            }
        };
    }

    static UserSource ofText(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new UserSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** One user given on a command line, as a one-row file named {@code name}; {@code userId} may be null. */
    static UserSource ofUser(String name, String email, String userId) {
        ObjectNode user = SnykJson.MAPPER.createObjectNode().put("email", email);
        if (userId != null) {
            user.put("user_id", userId);
        }
        return ofText(name, SnykJson.MAPPER.createArrayNode().add(user).toString());
    }
}
