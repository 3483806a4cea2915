package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a simulator with the demo state for each test and calls it over real HTTP. */
abstract class SimulatorTestSupport {

    static final String VERSION = "2024-10-15";
    static final String JSON_API = "application/vnd.api+json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    SnykSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = new SnykSimulator(initialState()).start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    SimulatorState initialState() {
        return DemoState.create();
    }

    HttpResponse<String> get(String token, String path) {
        return send("GET", token, path, null, null);
    }

    /** A REST GET: {@code version} is added to the query. */
    HttpResponse<String> restGet(String token, String pathAndQuery) {
        return get(token, "/rest" + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "version=" + VERSION);
    }

    HttpResponse<String> post(String token, String path, String json) {
        return send("POST", token, path, "application/json", json);
    }

    HttpResponse<String> send(String method, String token, String path, String contentType, String body) {
        try {
            return http.send(request(method, token, path, contentType, body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String method, String token, String path, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "token " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder;
    }

    HttpResponse<String> provision(String token, String orgId, String json) {
        return post(token, "/v1/org/" + orgId + "/provision", json);
    }

    HttpResponse<String> provisionAsAdmin(String orgId, String email, String rolePublicId) {
        return provision(ADMIN_TOKEN, orgId, "{\"email\":\"" + email + "\",\"rolePublicId\":\"" + rolePublicId + "\"}");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
