package io.jenkins.plugins.snykprovisioning.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Jenkins process on loopback, with a JENKINS_HOME (fresh, or kept from an earlier boot) holding the
 * given plugins, the plugin under test and the harness's boot script, which creates user {@code admin} (with
 * the password the harness chose), requires a login for everything, and writes an API token for the harness.
 * Every request authenticates as admin with that token, which is never printed.
 */
public final class LocalJenkins extends JenkinsClient implements AutoCloseable {

    public static final String PLUGIN_ID = "snyk-user-provisioning";

    static final String BOOT_SCRIPT = "boot-security.groovy";
    static final String PASSWORD_FILE = "admin-password.txt";
    static final String TOKEN_FILE = "admin-api-token.txt";
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);
    private static final String READY_LINE = "Jenkins is fully up and running";

    private final Process process;
    private final Thread stopOnExit;
    private final Path home;
    private final Path log;
    private final Duration bootTime;

    private LocalJenkins(Process process, Thread stopOnExit, Path workDir, URI url, String apiToken,
            Duration bootTime) {
        super(url, "admin", apiToken);
        this.process = process;
        this.stopOnExit = stopOnExit;
        this.home = workDir.resolve("home");
        this.log = workDir.resolve("jenkins.log");
        this.bootTime = bootTime;
    }

    /**
     * Boots Jenkins in {@code workDir} (emptied first) with {@code hpi} installed as the plugin under test,
     * on a free port, and waits until it is up and the admin API token is written.
     */
    public static LocalJenkins start(JenkinsInstallation installation, Path hpi, Path workDir)
            throws IOException, InterruptedException {
        return start(installation, hpi, workDir, 0, false, Map.of());
    }

    /**
     * Boots Jenkins in {@code workDir} with {@code hpi} installed as the plugin under test, on
     * {@code preferredPort} when it is free (else, or when 0, on any free port), with {@code environment}
     * added to its process's, and waits until it is up and the admin API token is written. With
     * {@code keepHome}, a JENKINS_HOME left there by an earlier boot is kept (its jobs, builds, credentials and
     * admin password), with the plugins replaced by the given ones and {@code hpi}; otherwise {@code workDir} is
     * emptied first.
     */
    public static LocalJenkins start(JenkinsInstallation installation, Path hpi, Path workDir, int preferredPort,
            boolean keepHome, Map<String, String> environment) throws IOException, InterruptedException {
        if (!Files.isRegularFile(hpi)) {
            throw new IllegalStateException("The plugin under test is not built: " + hpi + " (run mvn verify)");
        }
        Path home = workDir.resolve("home");
        if (!keepHome) {
            deleteRecursively(workDir);
        }
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (Path plugin : installation.pluginFiles()) {
            Files.copy(plugin, plugins.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        // Copied, not moved, so its modification time is now: Jenkins unpacks it again over an older copy.
        Files.copy(hpi, plugins.resolve(PLUGIN_ID + ".jpi"), StandardCopyOption.REPLACE_EXISTING);
        writeBootScript(home);
        // The boot script writes a new token each boot: an old file must not pass for the new one.
        Path tokenFile = home.resolve(TOKEN_FILE);
        Files.deleteIfExists(tokenFile);
        Path log = workDir.resolve("jenkins.log");
        int port = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();

        List<String> command = List.of(installation.java().toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-Djenkins.install.runSetupWizard=false", "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true", "-Djenkins.model.Jenkins.slaveAgentPort=-1",
                "-jar", installation.war().toString(), "--httpListenAddress=127.0.0.1", "--httpPort=" + port,
                "--webroot=" + workDir.resolve("war"), "--extractedFilesFolder=" + workDir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JENKINS_HOME", home.toString());

        long started = System.nanoTime();
        Process process = builder.start();
        // Should this JVM end first (Ctrl+C, a crash), Jenkins is still stopped, cleanly when it can be.
        Thread stopOnExit = new Thread(() -> stopProcess(process), "stop Jenkins " + port);
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        long deadline = started + BOOT_TIMEOUT.toNanos();
        try {
            while (!(Files.isRegularFile(tokenFile) && readLog(log).contains(READY_LINE))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Jenkins exited with " + process.exitValue() + " while booting:\n"
                            + tail(readLog(log), 60));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Jenkins not up after " + BOOT_TIMEOUT + ":\n" + tail(readLog(log), 60));
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException | RuntimeException e) {
            stopProcess(process);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            throw e;
        }
        Duration bootTime = Duration.ofNanos(System.nanoTime() - started);
        String token = Files.readString(tokenFile).trim();
        return new LocalJenkins(process, stopOnExit, workDir, URI.create("http://127.0.0.1:" + port + "/"), token,
                bootTime);
    }

    /**
     * Puts the harness's boot script into {@code home/init.groovy.d} and, unless an earlier boot left one, a new
     * random admin password beside it for the script to set (readable by its owner only).
     */
    static void writeBootScript(Path home) throws IOException {
        Path password = home.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(password)) {
            Files.writeString(password, UUID.randomUUID() + "\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        }
        Path initScripts = Files.createDirectories(home.resolve("init.groovy.d"));
        try (InputStream script = LocalJenkins.class.getResourceAsStream(BOOT_SCRIPT)) {
            if (script == null) {
                throw new IllegalStateException("The boot script " + BOOT_SCRIPT + " is not on the test class path");
            }
            Files.copy(script, initScripts.resolve("00-acceptance-security.groovy"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The JENKINS_HOME of this instance. */
    public Path home() {
        return home;
    }

    /** The password of user {@code admin}, for the login form: the harness keeps it in JENKINS_HOME. */
    public String adminPassword() {
        try {
            return Files.readString(home.resolve(PASSWORD_FILE)).trim();
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
        return "Jenkins at " + url() + " (JENKINS_HOME " + home + ")";
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
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
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
