package io.jenkins.plugins.snykprovisioning.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    /** A token with every character that JSON or a URL writes differently. */
    private static final String TOKEN = "tok\"en\\with/slash+plus=eq space\u00e9";

    private final SecretRedactor redactor = new SecretRedactor(TOKEN);

    @Test
    void theTokenAsItIsIsMasked() {
        assertThat(redactor.redact("bad token " + TOKEN + ", again " + TOKEN)).isEqualTo("bad token ****, again ****");
        assertThat(redactor.redact(null)).isNull();
        assertThat(redactor.redact("nothing secret")).isEqualTo("nothing secret");
    }

    @Test
    void theTokenInsideAJsonStringIsMasked() throws Exception {
        // As a server echoing the Authorization header in a JSON error body writes it.
        String body = new ObjectMapper().writeValueAsString(Map.of("message", "invalid token " + TOKEN));
        assertThat(body).doesNotContain(TOKEN).contains("tok\\\"en\\\\with");

        assertThat(redactor.redact(body)).isEqualTo("{\"message\":\"invalid token ****\"}");
    }

    @Test
    void theTokenJsonEscapedWithEscapedSlashesAndNonAsciiIsMasked() throws Exception {
        String body = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                .build().writeValueAsString(Map.of("message", TOKEN));
        assertThat(body).contains("\\/", "\\u00E9");

        assertThat(redactor.redact(body)).isEqualTo("{\"message\":\"****\"}");
        assertThat(redactor.redact(body.toLowerCase(Locale.ROOT))).as("hex digits of an escape in either case")
                .isEqualTo("{\"message\":\"****\"}");
    }

    @Test
    void theTokenUrlEncodedIsMasked() {
        String form = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        String percent = form.replace("+", "%20");
        assertThat(form).doesNotContain(TOKEN).contains("%2F", "%C3%A9", "+");

        assertThat(redactor.redact("GET /x?token=" + form + "&a=b")).isEqualTo("GET /x?token=****&a=b");
        assertThat(redactor.redact("GET /x?token=" + percent)).isEqualTo("GET /x?token=****");
        assertThat(redactor.redact("GET /x?token=" + percent.toLowerCase(Locale.ROOT)))
                .as("lower-case percent escapes").isEqualTo("GET /x?token=****");
    }

    @Test
    void aTypicalTokenIsMaskedInEveryForm() {
        String uuid = "7f3c1e2a-9b1d-4c55-8a0e-3d2f6b7c8d9e";
        SecretRedactor typical = new SecretRedactor(uuid);
        assertThat(typical.redact("{\"token\":\"" + uuid + "\"} ?t=" + uuid)).isEqualTo("{\"token\":\"****\"} ?t=****");
    }
}
