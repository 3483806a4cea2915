package io.jenkins.plugins.snykprovisioning.snyk;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.http.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    private static SnykApiException error(int status, String body, Map<String, String> headers) {
        return SnykApiException.from(new ApiResponse(status, headers, body, 1));
    }

    @Test
    void v1ErrorBodyWithReference() {
        SnykApiException e = error(404, "{\"code\": 404, \"message\": \"Org not found\", \"error\": \"Not Found\"}",
                Map.of("x-error-reference", "ref-1"));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.apiMessage()).isEqualTo("Org not found (Not Found)");
        assertThat(e.code()).isEqualTo("404");
        assertThat(e.errorType()).isEqualTo("not_found");
        assertThat(e.requestId()).isEqualTo("ref-1");
        assertThat(e.getMessage()).isEqualTo("HTTP 404: Org not found (Not Found) (request id ref-1)");
    }

    @Test
    void olderV1BodyWithErrorRef() {
        SnykApiException e = error(401, "{\"message\": \"Invalid auth token\", \"errorRef\": \"abc\"}", Map.of());
        assertThat(e.apiMessage()).isEqualTo("Invalid auth token");
        assertThat(e.code()).isEqualTo("abc");
        assertThat(e.errorType()).isEqualTo("unauthorized");
    }

    @Test
    void restErrorBody() {
        SnykApiException e = error(409, "{\"jsonapi\":{\"version\":\"1.0\"},\"errors\":[{\"status\":\"409\",\"title\":\"Conflict\","
                + "\"detail\":\"membership already exists\",\"code\":\"SNYK-0003\"}]}", Map.of("snyk-request-id", "req-9"));
        assertThat(e.apiMessage()).isEqualTo("Conflict: membership already exists");
        assertThat(e.code()).isEqualTo("SNYK-0003");
        assertThat(e.requestId()).isEqualTo("req-9");
        assertThat(e.errorType()).isEqualTo("conflict");
    }

    @Test
    void ssoErrorsAreRecognisedByCodeOrText() {
        assertThat(error(400, "{\"code\":\"1b5315d9-23ac-4345-a4db-8d6baf579047\",\"message\":\"bad\"}", Map.of()).errorType())
                .isEqualTo("sso_error");
        assertThat(error(400, "{\"message\":\"Group has no SSO connection\"}", Map.of()).errorType()).isEqualTo("sso_error");
        assertThat(error(400, "{\"message\":\"Invalid email\"}", Map.of()).errorType()).isEqualTo("bad_request");
    }

    @Test
    void htmlFromAProxyBecomesReadableText() {
        SnykApiException e = error(502, "<html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1></body></html>", Map.of());
        assertThat(e.apiMessage()).isEqualTo("502 Bad Gateway");
        assertThat(e.errorType()).isEqualTo("server_error");
    }

    @Test
    void alreadyExistsIsToldByStatusAndText() {
        assertThat(ProvisionClient.isAlreadyExists(error(409, "{}", Map.of()))).isTrue();
        assertThat(ProvisionClient.isAlreadyExists(error(403, "{\"message\":\"User already exists in the platform\"}", Map.of()))).isTrue();
        assertThat(ProvisionClient.isAlreadyExists(error(400, "{\"message\":\"User already provisioned to this organization\"}", Map.of()))).isTrue();
        assertThat(ProvisionClient.isAlreadyExists(error(403, "{\"message\":\"Provided API_KEY has no user provision permission\"}", Map.of()))).isFalse();
        assertThat(ProvisionClient.isAlreadyExists(error(404, "{\"message\":\"already exists\"}", Map.of()))).isFalse();
    }

    @Test
    void longErrorTextsAreCutToAThousandCharacters() {
        String longText = "x".repeat(50_000);
        SnykApiException v1 = error(400, "{\"code\": 400, \"message\": \"" + longText + "\", \"error\": \"" + longText + "\"}", Map.of());
        assertThat(v1.apiMessage()).hasSize(ErrorBody.MAX_TEXT + 3).endsWith("...");
        SnykApiException rest = error(400, "{\"errors\":[{\"status\":\"400\",\"detail\":\"" + longText + "\",\"code\":\""
                + longText + "\"}]}", Map.of());
        assertThat(rest.apiMessage()).hasSize(ErrorBody.MAX_TEXT + 3);
        assertThat(rest.code().length()).isLessThan(200);
        assertThat(error(502, "<p>" + longText + "</p>", Map.of()).apiMessage()).hasSize(ErrorBody.MAX_TEXT + 3);
    }

    @Test
    void plainTextDropsScriptsAndStylesInOnePass() {
        assertThat(ErrorBody.plainText("<html><SCRIPT type=x>if (a < b) {}</script><p>Service\n\n  down</p><style>p{}</STYLE>now"))
                .isEqualTo("Service down now");
        assertThat(ErrorBody.plainText("a < b and c")).isEqualTo("a < b and c");
        assertThat(ErrorBody.plainText("<script>never closed")).isEmpty();
    }

    @Test
    void aHugeBodyOfUnclosedTagsIsReadInLinearTime() {
        // Under the old regular expressions this body took minutes; a linear scan takes milliseconds.
        String body = "<script>".repeat(20_000) + "<" + "a".repeat(200_000) + "<style ".repeat(20_000);
        long started = System.nanoTime();
        ErrorBody.plainText(body);
        ErrorBody.plainText("<".repeat(300_000));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }
}
