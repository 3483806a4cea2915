package io.jenkins.plugins.snykprovisioning.simulator.model;

/**
 * An API token. {@code value} is the secret sent in {@code Authorization: token <value>};
 * {@code label} is the name used wherever the simulator reports which token was used.
 */
public record ApiToken(String value, String label, String userId, TokenType type, boolean canProvision) {

    /** Leaves the value out, so a token printed in a log or an assertion message stays secret. */
    @Override
    public String toString() {
        return "ApiToken[label=" + label + ", userId=" + userId + ", type=" + type
                + ", canProvision=" + canProvision + "]";
    }

    public ApiToken withValue(String newValue) {
        return new ApiToken(newValue, label, userId, type, canProvision);
    }
}
