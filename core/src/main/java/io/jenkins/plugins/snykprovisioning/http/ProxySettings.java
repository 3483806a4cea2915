package io.jenkins.plugins.snykprovisioning.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP proxy for outgoing calls (Jenkins passes its own proxy configuration here).
 *
 * @param noProxyHosts host patterns reached directly, '*' as wildcard (e.g. {@code *.internal})
 */
public record ProxySettings(String host, int port, String username, String password, List<String> noProxyHosts) {

    public ProxySettings {
        noProxyHosts = noProxyHosts == null ? List.of() : List.copyOf(noProxyHosts);
    }

    /**
     * Loopback targets are always reached directly: an http API URL is allowed only for them, and a proxy
     * would see the token in clear text.
     */
    public boolean bypasses(String targetHost) {
        if (Loopback.isLoopbackHost(targetHost)) {
            return true;
        }
        String host = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : noProxyHosts) {
            String regex = Pattern.quote(pattern.trim().toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
            if (!pattern.isBlank() && host.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        // The password is never printed.
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
    }
}
