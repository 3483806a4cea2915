package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How the commands reach Snyk: the token, where the API is, and how hard to call it. */
final class ApiOptions {

    @Option(names = "--token", paramLabel = "TOKEN", description = "Snyk API token of a person (not a service account). "
            + "Default: environment variable SNYK_TOKEN, else PERSONAL_SNYK_TOKEN (safer than this option, which other users may see in the process list).")
    String token;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "SNYK-US-01",
            description = "SNYK-US-01 (default), SNYK-US-02, SNYK-EU-01 or SNYK-AU-01.")
    String region;

    @Option(names = "--version", paramLabel = "DATE", defaultValue = SnykApi.DEFAULT_REST_VERSION,
            description = "REST API version (default ${DEFAULT-VALUE}).")
    String restVersion;

    @Option(names = "--api-url", paramLabel = "URL", description = "API base URL instead of the region's, for private Snyk "
            + "instances or a rehearsal against the simulator (https, or http on loopback).")
    String apiUrl;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + TransportSettings.DEFAULT_CONCURRENCY,
            description = "Requests in flight at once (default ${DEFAULT-VALUE}, as Snyk advises).")
    int concurrency;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "" + TransportSettings.DEFAULT_MAX_RETRIES,
            description = "Retries of a request after 429, 5xx, timeouts and resets (default ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--rate-limit", paramLabel = "PER_MINUTE", defaultValue = "" + TransportSettings.DEFAULT_RATE_LIMIT_PER_MINUTE,
            description = "Requests per minute for the token (default ${DEFAULT-VALUE}, under Snyk's 1,620 REST and 2,000 V1; 0: no limit).")
    int rateLimit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + TransportSettings.DEFAULT_RESPONSE_TIMEOUT_SECONDS,
            description = "Time to wait for an answer (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /**
     * A builder set to reach Snyk as these options say, with the token from {@code --token} or the environment.
     *
     * @throws CommandLine.ParameterException no token was given (bad usage)
     */
    Provisioning.Builder builder(CommandLine commandLine, CliEnvironment environment) {
        return Provisioning.builder().region(region).apiUrl(apiUrl).restVersion(restVersion).token(token(commandLine, environment))
                .concurrency(concurrency).rateLimitPerMinute(rateLimit).maxRetries(maxRetries)
                .timeouts(Duration.ofSeconds(TransportSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS), Duration.ofSeconds(timeoutSeconds));
    }

    /** For the log: how the run calls Snyk (never the token). */
    String describe(String apiRoot) {
        return "Snyk API at " + apiRoot + ", concurrency " + concurrency + ", rate limit "
                + (rateLimit == 0 ? "none" : rateLimit + "/min") + ", up to " + maxRetries + " retries";
    }

    private String token(CommandLine commandLine, CliEnvironment environment) {
        String value = token;
        for (String variable : new String[] {"SNYK_TOKEN", "PERSONAL_SNYK_TOKEN"}) {
            if (value == null || value.isBlank()) {
                value = environment.variable(variable);
            }
        }
        if (value == null || value.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "No Snyk API token: set SNYK_TOKEN (or PERSONAL_SNYK_TOKEN), or pass --token");
        }
        return value.trim();
    }
}
