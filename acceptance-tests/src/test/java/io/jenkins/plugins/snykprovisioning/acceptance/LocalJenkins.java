package io.jenkins.plugins.snykprovisioning.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Jenkins process on loopback, with a JENKINS_HOME (fresh, or kept from an earlier boot) holding the
 * kit's plugins, its boot scripts (which create user {@code admin} with a password and an API token) and the
 * plugin under test. Every request authenticates with that token, which is never printed.
 */
public final class LocalJenkins implements AutoCloseable {

    public static final String PLUGIN_ID = "snyk-user-provisioning";

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final String READY_LINE = "Jenkins is fully up and running";
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

    private final Process process;
    private final Thread stopOnExit;
    private final Path home;
    private final Path log;
    private final URI url;
    private final String authorization;
    private final Duration bootTime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LocalJenkins(Process process, Thread stopOnExit, Path workDir, URI url, String apiToken,
            Duration bootTime) {
        this.process = process;
        this.stopOnExit = stopOnExit;
        this.home = workDir.resolve("home");
        this.log = workDir.resolve("jenkins.log");
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + apiToken).getBytes(StandardCharsets.UTF_8));
        this.bootTime = bootTime;
    }

    /**
     * Boots Jenkins in {@code workDir} (emptied first) with {@code hpi} installed as the plugin under test,
     * on a free port, and waits until it is up and the admin API token is written.
     */
    public static LocalJenkins start(JenkinsKit kit, Path hpi, Path workDir) throws IOException, InterruptedException {
        return start(kit, hpi, workDir, 0, false);
    }

    /**
     * Boots Jenkins in {@code workDir} with {@code hpi} installed as the plugin under test, on
     * {@code preferredPort} when it is free (else, or when 0, on any free port), and waits until it is up
     * and the admin API token is written. With {@code keepHome}, a JENKINS_HOME left there by an earlier
     * boot is kept (its jobs, builds, credentials and admin password), with the plugins replaced by the
     * kit's and {@code hpi}; otherwise {@code workDir} is emptied first.
     */
    public static LocalJenkins start(JenkinsKit kit, Path hpi, Path workDir, int preferredPort, boolean keepHome)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(hpi)) {
            throw new IllegalStateException("The plugin under test is not built: " + hpi + " (run mvn verify)");
        }
        Path home = workDir.resolve("home");
        if (!keepHome) {
            deleteRecursively(workDir);
        }
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (Path plugin : kit.pluginFiles()) {
            Files.copy(plugin, plugins.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        // Copied, not moved, so its modification time is now: Jenkins unpacks it again over an older copy.
        Files.copy(hpi, plugins.resolve(PLUGIN_ID + ".jpi"), StandardCopyOption.REPLACE_EXISTING);
        Path initScripts = Files.createDirectories(home.resolve("init.groovy.d"));
        try (Stream<Path> scripts = Files.list(kit.initScriptsDir())) {
            for (Path script : scripts.toList()) {
                Files.copy(script, initScripts.resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // The boot script writes a new token each boot: an old file must not pass for the new one.
        Path tokenFile = home.resolve("admin-api-token.txt");
        Files.deleteIfExists(tokenFile);
        Path log = workDir.resolve("jenkins.log");
        int port = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();

        List<String> command = List.of(kit.java().toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-Djenkins.install.runSetupWizard=false", "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true", "-Djenkins.model.Jenkins.slaveAgentPort=-1",
                "-jar", kit.war().toString(), "--httpListenAddress=127.0.0.1", "--httpPort=" + port,
                "--webroot=" + workDir.resolve("war"), "--extractedFilesFolder=" + workDir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JENKINS_HOME", home.toString());
        // A random admin password each boot (the boot script writes it to JENKINS_HOME).
        builder.environment().remove("JENKINS_ADMIN_PASSWORD");

        long started = System.nanoTime();
        Process process = builder.start();
        // Should this JVM end first (Ctrl+C, a crash), Jenkins is still stopped, cleanly when it can be.
        Thread stopOnExit = new Thread(() -> stopProcess(process), "stop Jenkins " + port);
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        long deadline = started + BOOT_TIMEOUT.toNanos();
        try {
            while (!(Files.isRegularFile(tokenFile) && Files.size(tokenFile) > 0 && readLog(log).contains(READY_LINE))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Jenkins exited with " + process.exitValue() + " while booting:\n"
                            + tail(readLog(log), 60));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Jenkins not up after " + BOOT_TIMEOUT + ":\n" + tail(readLog(log), 60));
                }
                Thread.sleep(250);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopProcess(process);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            throw e;
        }
        Duration bootTime = Duration.ofNanos(System.nanoTime() - started);
        String token = Files.readString(tokenFile).trim();
        return new LocalJenkins(process, stopOnExit, workDir, URI.create("http://127.0.0.1:" + port + "/"), token,
                bootTime);
    }

    public URI url() {
        return url;
    }

    /** The JENKINS_HOME of this instance. */
    public Path home() {
        return home;
    }

    /** The password of user {@code admin}, for the login form: the boot script keeps it in JENKINS_HOME. */
    public String adminPassword() {
        try {
            return Files.readString(home.resolve("admin-password.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No admin password in " + home, e);
        }
    }

    /** How long the boot took, until the API token was usable. */
    public Duration bootTime() {
        return bootTime;
    }

    /** Everything Jenkins has written to its standard output and error so far. */
    public String log() {
        return readLog(log);
    }

    /** Runs Groovy in the controller (the script console) and gives what it printed. */
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

    /** Creates a top-level job from its {@code config.xml}. */
    public void createJob(String name, String configXml) {
        Response response = send(request("createItem?name=" + encode(name))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(configXml)));
        requireStatus(response, 200, "create job " + name);
    }

    /** Queues a build and waits until it has started; gives its number. */
    public int build(String job) {
        return build(job, Map.of());
    }

    /** Queues a build with parameters and waits until it has started; gives its number. */
    public int build(String job, Map<String, String> parameters) {
        Response queued = parameters.isEmpty()
                ? postForm(jobPath(job) + "build", Map.of())
                : postForm(jobPath(job) + "buildWithParameters", parameters);
        return startedBuild(job, queued);
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

    /** Waits until Jenkins has exited: stopped from its own pages, by {@link #stop()}, or killed. */
    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    /** Stops Jenkins (gracefully, then forcibly) and keeps its folder for inspection. */
    public void stop() {
        stopProcess(process);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting; the hook runs anyway.
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Jenkins at " + url + " (JENKINS_HOME " + home + ")";
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

    private static void requireStatus(Response response, int expected, String what) {
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

    private static String jobPath(String job) {
        return "job/" + encode(job).replace("+", "%20") + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void stopProcess(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String readLog(Path log) {
        try {
            // Decoded leniently: a stray byte must not hide the rest of the log.
            return Files.isRegularFile(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
