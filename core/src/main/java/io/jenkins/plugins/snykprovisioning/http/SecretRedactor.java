package io.jenkins.plugins.snykprovisioning.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the API token from any text that leaves the client: error bodies (a server may echo the
 * Authorization header), exception messages, log lines. The token is found as it is, inside a JSON
 * string (escaped, with or without escaped slashes and non-ASCII characters) and URL-encoded, with the
 * hex digits of escapes in either case.
 */
final class SecretRedactor {

    public static final String MASK = "****";

    /** The forms of the secret, ASCII letters in lower case, longest first; empty when nothing is masked. */
    private final List<String> forms;

    public SecretRedactor(String secret) {
        // Very short values would mask innocent text and are not real tokens anyway.
        this.forms = secret != null && secret.length() >= 4 ? formsOf(secret) : List.of();
    }

    String redact(String text) {
        if (text == null) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            result = mask(result, form);
        }
        return result;
    }

    /** {@code text} with every occurrence of {@code form} (ASCII letters in any case) masked. */
    private static String mask(String text, String form) {
        String folded = asciiLowerCase(text);
        int found = folded.indexOf(form);
        if (found < 0) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        while (found >= 0) {
            masked.append(text, copied, found).append(MASK);
            copied = found + form.length();
            found = folded.indexOf(form, copied);
        }
        return masked.append(text, copied, text.length()).toString();
    }

    private static List<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        for (boolean slash : new boolean[] {false, true}) {
            for (boolean nonAscii : new boolean[] {false, true}) {
                forms.add(jsonEscaped(secret, slash, nonAscii));
            }
        }
        String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(formEncoded);
        forms.add(formEncoded.replace("+", "%20"));
        return forms.stream().map(SecretRedactor::asciiLowerCase).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The secret as it appears inside a JSON string, as the writer chose to escape it. */
    private static String jsonEscaped(String secret, boolean escapeSlash, boolean escapeNonAscii) {
        StringBuilder escaped = new StringBuilder();
        for (char c : secret.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '/' -> escaped.append(escapeSlash ? "\\/" : "/");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || (escapeNonAscii && c > 0x7e)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Only A-Z change, so every index stays that of the original text. */
    private static String asciiLowerCase(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? text : new String(chars);
    }
}
