package io.jenkins.plugins.snykprovisioning.input;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes users as a user file the readers take back: CSV, or a JSON array when the file name ends with
 * {@code .json}, with the columns {@code email, role, org_id, user_id, status}. An export is written
 * this way, so it is a valid sync file as it stands.
 */
public final class UserFileWriter implements Closeable {

    static final String[] COLUMNS = {"email", "role", "org_id", "user_id", "status"};

    private final CSVPrinter csv;
    private final JsonGenerator json;

    private UserFileWriter(CSVPrinter csv, JsonGenerator json) {
        this.csv = csv;
        this.json = json;
    }

    public static UserFileWriter create(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream out = Files.newOutputStream(path);
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            JsonGenerator json = SnykJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
            json.writeStartArray();
            return new UserFileWriter(null, json);
        }
        return new UserFileWriter(CSVFormat.RFC4180.builder().setHeader(COLUMNS).get()
                .print(new OutputStreamWriter(out, StandardCharsets.UTF_8)), null);
    }

    /** One user; {@code userId} may be null (a pending provision has none). */
    public void write(String email, String role, String orgId, String userId, String status) throws IOException {
        if (csv != null) {
            csv.printRecord(email, role, orgId, userId, status);
            return;
        }
        json.writeStartObject();
        String[] values = {email, role, orgId, userId, status};
        for (int i = 0; i < COLUMNS.length; i++) {
            if (values[i] != null) {
                json.writeStringField(COLUMNS[i], values[i]);
            }
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        } else {
            json.writeEndArray();
            json.close();
        }
    }
}
