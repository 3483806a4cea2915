package io.jenkins.plugins.snykprovisioning.jenkins;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which credentials a build's {@code credentialsId} selects. The credentials plugin checks the credentials a
 * build parameter chose against the user who started the build only when it is handed the parameter itself,
 * {@code ${NAME}}; handed the chosen id, it finds any credentials in the job's scope. So a value that comes
 * from a build parameter is only ever looked up as that parameter, and nothing else is tried after a refusal:
 * <ul>
 * <li>{@code ${NAME}} or {@code $NAME} naming a build parameter is looked up as {@code ${NAME}}, once (a
 *     string parameter never names credentials: that lookup finds none);</li>
 * <li>a parameter inside a longer id ({@code snyk-${ENV}}) is refused: no lookup can check it;</li>
 * <li>other variables are expanded from the build's environment, the parameters' values left out;</li>
 * <li>an id equal to the value of a build parameter (Pipeline's {@code params.NAME}, or a variable copied from
 *     one) is looked up as that parameter;</li>
 * <li>any other id is looked up as it is (the credentials plugin treats the bare name of a credentials
 *     parameter as that parameter).</li>
 * </ul>
 * Names are matched without regard to case, as the build's environment does.
 */
final class CredentialsReference {

    /** Variables as Jenkins expands them: {@code ${NAME}} and {@code $NAME}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)\\}|\\$([A-Za-z0-9_]+)");

    private CredentialsReference() {
    }

    /**
     * @param configuredId the id as the job configures it, unexpanded
     * @param parameters the build's parameters by name, each with its value when it is text (a credentials
     *     parameter's value is the id chosen), else null
     * @param environment the build's environment variables by name (null when not set); parameters among them
     *     are not used
     * @param lookup the credentials with an id, or null when there are none the build may use
     * @throws ProvisioningException no usable credentials; nothing was looked up beyond what these rules allow
     */
    static <C> C resolve(String configuredId, Map<String, String> parameters, UnaryOperator<String> environment,
            Function<String, C> lookup) throws ProvisioningException {
        String id = configuredId.trim();
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(parameters);

        Matcher whole = VARIABLE.matcher(id);
        if (whole.matches() && byName.containsKey(name(whole))) {
            // The key that compares equal is the name as the job defines it, whatever the reference's case.
            String name = byName.ceilingKey(name(whole));
            return asParameter(name, byName.get(name), lookup);
        }
        String expanded = expand(id, byName, environment);
        List<String> givingThisId = parameters.entrySet().stream().filter(parameter -> expanded.equals(parameter.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        if (givingThisId.isEmpty()) {
            return found(lookup.apply(expanded), expanded);
        }
        for (String name : givingThisId) {
            C credentials = lookup.apply("${" + name + "}");
            if (credentials != null) {
                return credentials;
            }
        }
        throw new ProvisioningException(Messages.RunCredentials_NotUsable(expanded));
    }

    /** Looked up through the parameter, so that the credentials plugin checks the starter's choice. */
    private static <C> C asParameter(String name, String chosen, Function<String, C> lookup) throws ProvisioningException {
        return found(lookup.apply("${" + name + "}"), chosen == null ? "${" + name + "}" : chosen);
    }

    private static <C> C found(C credentials, String id) throws ProvisioningException {
        if (credentials == null) {
            throw new ProvisioningException(Messages.RunCredentials_NotUsable(id));
        }
        return credentials;
    }

    private static String expand(String id, Map<String, String> parameters, UnaryOperator<String> environment)
            throws ProvisioningException {
        Matcher variable = VARIABLE.matcher(id);
        StringBuilder expanded = new StringBuilder();
        while (variable.find()) {
            String name = name(variable);
            if (parameters.containsKey(name)) {
                throw new ProvisioningException(Messages.RunCredentials_NotUsable(id) + "; "
                        + Messages.RunCredentials_ParameterInside(name));
            }
            String value = environment.apply(name);
            if (value == null) {
                throw new ProvisioningException(Messages.ResolvedSettings_UnsetVariable("credentialsId", id));
            }
            variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(expanded).toString().trim();
    }

    private static String name(Matcher variable) {
        return variable.group(1) != null ? variable.group(1) : variable.group(2);
    }
}
