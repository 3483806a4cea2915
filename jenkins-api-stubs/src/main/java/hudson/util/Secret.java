package hudson.util;

import java.io.Serializable;

/** A secret kept encrypted on disk; {@link #toString()} never gives the plain text. */
public final class Secret implements Serializable {
    private Secret() {
        throw new UnsupportedOperationException();
    }

    public String getPlainText() {
        throw new UnsupportedOperationException();
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException();
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException();
    }
}
