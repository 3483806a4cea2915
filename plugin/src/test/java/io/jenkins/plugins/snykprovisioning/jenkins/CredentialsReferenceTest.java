package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every form a credentialsId may take, against a stand-in for the credentials plugin's lookup: the job's
 * credentials by id, and a credentials parameter resolved only when named whole ({@code ${NAME}}, or its bare
 * name), with the value the starter chose found only when the starter may use it.
 */
class CredentialsReferenceTest {

    private static final String NOT_USABLE = " not found or not usable by the user who started this build";

    /** Secret text credentials in the job's scope, by id. */
    private final Map<String, String> jobCredentials = Map.of("snyk-token", "job-token", "other-token", "other-secret",
            "snyk-prod", "prod-token");
    /** Credentials parameters of the build, with the ids chosen. */
    private final Map<String, String> credentialsParameters = new HashMap<>(Map.of("SNYK_CRED", "other-token"));
    /** Credentials parameters whose chosen credentials the starter may use (their own, or with Credentials/UseItem). */
    private final Set<String> usableByStarter = new HashSet<>();
    /** Every parameter of the build, with its value when it is text. */
    private final Map<String, String> parameters = new HashMap<>(Map.of("SNYK_CRED", "other-token", "CRED", "other-token",
            "ENV_PARAM", "prod", "ORG", "o-1"));
    /** The build's environment, which holds the parameters' values too. */
    private final Map<String, String> environment = new HashMap<>(Map.of("SNYK_CRED", "other-token", "CRED", "other-token",
            "ENV_PARAM", "prod", "ORG", "o-1", "ENV", "prod", "TOKEN_ID", "snyk-prod", "COPIED", "other-token"));
    private final List<String> lookups = new ArrayList<>();

    private String lookup(String id) {
        lookups.add(id);
        String parameter = id.startsWith("${") && id.endsWith("}") ? id.substring(2, id.length() - 1) : id;
        if (credentialsParameters.containsKey(parameter)) {
            return usableByStarter.contains(parameter) ? jobCredentials.get(credentialsParameters.get(parameter)) : null;
        }
        return jobCredentials.get(id);
    }

    private String resolve(String configuredId) throws ProvisioningException {
        return CredentialsReference.resolve(configuredId, parameters, environment::get, this::lookup);
    }

    @Test
    void aPlainIdIsLookedUpAsItIs() throws Exception {
        assertThat(resolve("snyk-token")).isEqualTo("job-token");
        assertThat(lookups).containsExactly("snyk-token");
    }

    @Test
    void anUnknownIdFailsNamingIt() {
        assertThatThrownBy(() -> resolve("no-such-id")).isInstanceOf(ProvisioningException.class)
                .hasMessage("credentials 'no-such-id'" + NOT_USABLE);
        assertThat(lookups).containsExactly("no-such-id");
    }

    @Test
    void aCredentialsParameterTheStarterMayUseIsResolvedByTheCredentialsPlugin() throws Exception {
        usableByStarter.add("SNYK_CRED");

        assertThat(resolve("${SNYK_CRED}")).isEqualTo("other-secret");
        assertThat(lookups).containsExactly("${SNYK_CRED}");
    }

    @Test
    void aCredentialsParameterTheStarterMayNotUseFailsWithoutAnyOtherLookup() {
        assertThatThrownBy(() -> resolve("${SNYK_CRED}")).isInstanceOf(ProvisioningException.class)
                .hasMessage("credentials 'other-token'" + NOT_USABLE);
        assertThat(lookups).as("never the chosen id itself, which any job credentials would match")
                .containsExactly("${SNYK_CRED}");
    }

    @Test
    void aParameterWithoutBracesOrInAnotherCaseIsStillAParameter() {
        assertThatThrownBy(() -> resolve("$SNYK_CRED")).hasMessage("credentials 'other-token'" + NOT_USABLE);
        assertThatThrownBy(() -> resolve("${snyk_cred}")).hasMessage("credentials 'other-token'" + NOT_USABLE);
        assertThat(lookups).containsExactly("${SNYK_CRED}", "${SNYK_CRED}");
    }

    @Test
    void theBareNameOfACredentialsParameterIsLeftToTheCredentialsPlugin() throws Exception {
        usableByStarter.add("SNYK_CRED");

        assertThat(resolve("SNYK_CRED")).isEqualTo("other-secret");
        assertThat(lookups).containsExactly("SNYK_CRED");
    }

    @Test
    void aStringParameterNeverSelectsCredentials() {
        assertThatThrownBy(() -> resolve("${CRED}")).hasMessage("credentials 'other-token'" + NOT_USABLE);
        assertThat(lookups).containsExactly("${CRED}");
    }

    @Test
    void aParameterInsideALongerIdIsRefusedBeforeAnyLookup() {
        assertThatThrownBy(() -> resolve("snyk-${ENV_PARAM}")).isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("credentials 'snyk-${ENV_PARAM}'" + NOT_USABLE)
                .hasMessageContaining("ENV_PARAM is a build parameter");
        assertThat(lookups).isEmpty();
    }

    @Test
    void otherVariablesAreExpandedFromTheEnvironment() throws Exception {
        assertThat(resolve("snyk-${ENV}")).isEqualTo("prod-token");
        assertThat(resolve("${TOKEN_ID}")).isEqualTo("prod-token");
        assertThat(resolve("$TOKEN_ID")).isEqualTo("prod-token");
        assertThat(lookups).containsExactly("snyk-prod", "snyk-prod", "snyk-prod");
    }

    @Test
    void aVariableThatIsNotSetFailsBeforeAnyLookup() {
        assertThatThrownBy(() -> resolve("${NOT_SET}")).isInstanceOf(ProvisioningException.class)
                .hasMessage("credentialsId: '${NOT_SET}' refers to a variable that is not set in this build");
        assertThat(lookups).isEmpty();
    }

    @Test
    void anIdEqualToAParametersValueIsLookedUpAsThatParameter() throws Exception {
        // Pipeline's credentialsId: params.SNYK_CRED (or "${SNYK_CRED}" in double quotes) hands over the chosen id.
        assertThatThrownBy(() -> resolve("other-token")).hasMessage("credentials 'other-token'" + NOT_USABLE);
        assertThat(lookups).doesNotContain("other-token").contains("${SNYK_CRED}");

        lookups.clear();
        usableByStarter.add("SNYK_CRED");
        assertThat(resolve("other-token")).isEqualTo("other-secret");
        assertThat(lookups).doesNotContain("other-token");
    }

    @Test
    void aVariableCopiedFromAParameterIsLookedUpAsThatParameter() {
        // withEnv(["COPIED=${params.SNYK_CRED}"]) then credentialsId: '${COPIED}'.
        assertThatThrownBy(() -> resolve("${COPIED}")).hasMessage("credentials 'other-token'" + NOT_USABLE);
        assertThat(lookups).doesNotContain("other-token");
    }

    @Test
    void parametersThatAreNotTextAreNotCompared() throws Exception {
        parameters.put("A_FILE", null);

        assertThat(resolve("snyk-token")).isEqualTo("job-token");
        assertThat(lookups).containsExactly("snyk-token");
    }
}
