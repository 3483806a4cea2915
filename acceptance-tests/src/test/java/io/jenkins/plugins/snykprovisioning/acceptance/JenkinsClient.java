package io.jenkins.plugins.snykprovisioning.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A user of a Jenkins over HTTP: every request authenticates as that user with an API token (never printed),
 * so the answers are what Jenkins lets that user see and do. Jobs are named by their full name
 * ({@code folder/job}).
 */
public class JenkinsClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer. */
    public record Response(int status, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    /** A finished build. */
    public record Build(String job, int number, String result) {
    }

    private final URI url;
    private final String user;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    JenkinsClient(URI url, String user, String apiToken) {
        this.url = url;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    public URI url() {
        return url;
    }

    /** The id of the user this client acts as. */
    public String user() {
        return user;
    }

    /** The same Jenkins as another user, authenticated with that user's API token. */
    public JenkinsClient as(String otherUser, String apiToken) {
        return new JenkinsClient(url, otherUser, apiToken);
    }

    /** Runs Groovy in the controller (the script console, administrators only) and gives what it printed. */
    public String scriptConsole(String groovy) {
        Response response = postForm("scriptText", Map.of("script", groovy));
        requireStatus(response, 200, "script console");
        return response.body();
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Creates a job from its {@code config.xml}; {@code fullName} may name a folder it goes in ({@code folder/job}). */
    public void createJob(String fullName, String configXml) {
        int slash = fullName.lastIndexOf('/');
        String parent = slash < 0 ? "" : jobPath(fullName.substring(0, slash));
        String name = fullName.substring(slash + 1);
        Response response = send(request(parent + "createItem?name=" + encode(name))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(configXml)));
        requireStatus(response, 200, "create job " + fullName);
    }

    /** Queues a build and waits until it has started; gives its number. */
    public int build(String job) {
        return build(job, Map.of());
    }

    /** Queues a build with parameters and waits until it has started; gives its number. */
    public int build(String job, Map<String, String> parameters) {
        return startedBuild(job, queueBuild(job, parameters));
    }

    /** Asks for a build with parameters and gives Jenkins' answer, whatever it is (for tests of refusals). */
    public Response queueBuild(String job, Map<String, String> parameters) {
        return parameters.isEmpty()
                ? postForm(jobPath(job) + "build", Map.of())
                : postForm(jobPath(job) + "buildWithParameters", parameters);
    }

    /**
     * Queues a build whose file parameter {@code parameter} is {@code content} (uploaded as {@code fileName}),
     * and waits until it has started; gives its number.
     */
    public int buildWithFile(String job, String parameter, String fileName, String content) {
        String boundary = "----acceptance" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + parameter + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + content + "\r\n--" + boundary + "--\r\n";
        Response queued = send(request(jobPath(job) + "buildWithParameters")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return startedBuild(job, queued);
    }

    private int startedBuild(String job, Response queued) {
        requireStatus(queued, 201, "queue a build of " + job);
        String queueItem = queued.headers().getOrDefault("location", List.of()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No queue item for the build of " + job));
        String path = URI.create(queueItem).getPath().substring(1) + "api/json";
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        while (true) {
            Response item = get(path);
            requireStatus(item, 200, "queue item of " + job);
            JsonNode executable = item.json().path("executable");
            if (executable.has("number")) {
                return executable.get("number").asInt();
            }
            if (item.json().path("cancelled").asBoolean(false)) {
                throw new IllegalStateException("The build of " + job + " was cancelled in the queue");
            }
            waitOrFail(deadline, "the build of " + job + " to start");
        }
    }

    /** Waits until the build has finished and gives its result (SUCCESS, FAILURE...). */
    public Build waitForBuild(String job, int number, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response status = get(jobPath(job) + number + "/api/json?tree=building,result");
            requireStatus(status, 200, "build " + job + " #" + number);
            JsonNode state = status.json();
            if (!state.path("building").asBoolean(true) && !state.path("result").isNull()) {
                return new Build(job, number, state.path("result").asText());
            }
            waitOrFail(deadline, "build " + job + " #" + number + " to finish");
        }
    }

    public String consoleText(String job, int number) {
        Response response = get(jobPath(job) + number + "/consoleText");
        requireStatus(response, 200, "console of " + job + " #" + number);
        return response.body();
    }

    /** An archived artifact's content, by its path relative to the build's artifacts. */
    public String artifact(String job, int number, String relativePath) {
        Response response = get(jobPath(job) + number + "/artifact/" + relativePath);
        requireStatus(response, 200, "artifact " + relativePath + " of " + job + " #" + number);
        return response.body();
    }

    /** The URL path of a job by its full name: {@code folder/my job} is {@code job/folder/job/my%20job/}. */
    static String jobPath(String fullName) {
        return Arrays.stream(fullName.split("/")).map(name -> "job/" + encode(name).replace("+", "%20") + "/")
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return "Jenkins at " + url + " as " + user;
    }

    private HttpRequest.Builder request(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return HttpRequest.newBuilder(url.resolve(relative)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Response(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    static void requireStatus(Response response, int expected, String what) {
        if (response.status() != expected) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " (expected " + expected + ")\n"
                    + tail(response.body(), 40));
        }
    }

    private static void waitOrFail(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Timed out waiting for " + what);
        }
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for " + what, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
