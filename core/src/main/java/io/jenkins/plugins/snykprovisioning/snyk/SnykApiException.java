package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.ApiResponse;
import java.util.Locale;

/**
 * The API said no. Carries Snyk's own error text (already free of the token), the status, a
 * coarse error type, Snyk's error code and the request id that Snyk support asks for.
 */
public class SnykApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String apiMessage;
    private final String errorType;
    private final String code;
    private final String requestId;

    public SnykApiException(int status, String apiMessage, String errorType, String code, String requestId) {
        super(compose(status, apiMessage, requestId));
        this.status = status;
        this.apiMessage = apiMessage;
        this.errorType = errorType;
        this.code = code;
        this.requestId = requestId;
    }

    /** Reads Snyk's V1 or REST error body. */
    public static SnykApiException from(ApiResponse response) {
        ErrorBody error = ErrorBody.parse(response.body());
        return new SnykApiException(response.status(), error.message(), classify(response.status(), error),
                error.code(), response.requestId());
    }

    static String classify(int status, ErrorBody error) {
        String text = error.message() == null ? "" : error.message().toLowerCase(Locale.ROOT);
        if (SSO_CONNECTION_CODE.equals(error.code()) || (status == 400 && text.contains("sso"))) {
            return "sso_error";
        }
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : "bad_request";
        };
    }

    /** The code Snyk answers when the group's SSO connection is missing or broken. */
    static final String SSO_CONNECTION_CODE = "1b5315d9-23ac-4345-a4db-8d6baf579047";

    private static String compose(int status, String apiMessage, String requestId) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (apiMessage != null && !apiMessage.isBlank()) {
            text.append(": ").append(apiMessage);
        }
        if (requestId != null) {
            text.append(" (request id ").append(requestId).append(')');
        }
        return text.toString();
    }

    public int status() {
        return status;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public String errorType() {
        return errorType;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }
}
