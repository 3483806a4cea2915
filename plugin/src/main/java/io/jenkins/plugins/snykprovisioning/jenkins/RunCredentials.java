package io.jenkins.plugins.snykprovisioning.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.EnvVars;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Run;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Secret text credentials for the running build: folder-scoped ones and credentials parameters
 * included (checked against the user who started the build, see {@link CredentialsReference}), and the
 * use recorded on the credentials' usage page.
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
        StringCredentials credentials = CredentialsReference.resolve(credentialsId, parameters(), environment::get,
                id -> CredentialsProvider.findCredentialById(id, StringCredentials.class, run));
        CredentialsProvider.track(run, credentials);
        String token = credentials.getSecret().getPlainText();
        if (token == null || token.isBlank()) {
            throw new ProvisioningException(Messages.RunCredentials_Empty(credentialsId));
        }
        return token.trim();
    }

    /** The build's parameters, with their values where they are text (a credentials parameter's is the id chosen). */
    private Map<String, String> parameters() {
        Map<String, String> parameters = new HashMap<>();
        for (ParametersAction action : run.getActions(ParametersAction.class)) {
            for (ParameterValue parameter : action.getAllParameters()) {
                parameters.put(parameter.getName(), parameter.getValue() instanceof String text ? text : null);
            }
        }
        return parameters;
    }
}
