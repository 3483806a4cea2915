package io.jenkins.plugins.snykprovisioning.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Hosts that name this machine: a call to them never crosses a network. */
public final class Loopback {

    private Loopback() {
    }

    /** {@code localhost} or a literal loopback address (IPv6 with or without brackets); no name is resolved. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
