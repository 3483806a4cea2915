package io.jenkins.plugins.snykprovisioning.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.EnvVars;
import hudson.model.Run;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Secret text credentials for the running build: folder-scoped ones and credentials parameters
 * included, and the use recorded on the credentials' usage page.
 */
final class RunCredentials implements SnykCredentials {

    private final Run<?, ?> run;
    private final EnvVars environment;

    RunCredentials(Run<?, ?> run, EnvVars environment) {
        this.run = run;
        this.environment = environment;
    }

    @Override
    public String token(String credentialsId) throws ProvisioningException {
        // As given first: the lookup resolves ${PARAM} to a credentials parameter's value (which may be a
        // user's own credentials); then with other variables expanded from the environment.
        StringCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run);
        String expanded = environment.expand(credentialsId);
        if (credentials == null && !expanded.equals(credentialsId)) {
            credentials = CredentialsProvider.findCredentialById(expanded, StringCredentials.class, run);
        }
        if (credentials == null) {
            throw new ProvisioningException(expanded.equals(credentialsId) ? Messages.RunCredentials_NotFound(credentialsId)
                    : Messages.RunCredentials_NotFoundExpanded(expanded, credentialsId));
        }
        CredentialsProvider.track(run, credentials);
        String token = credentials.getSecret().getPlainText();
        if (token == null || token.isBlank()) {
            throw new ProvisioningException(Messages.RunCredentials_Empty(credentialsId));
        }
        return token.trim();
    }
}
