package hudson.util;

import java.io.IOException;

/** The answer of a {@code doCheck...} method. Flattened: really also implements Stapler's HttpResponse. */
public abstract class FormValidation extends IOException {
    private FormValidation() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateNonNegativeInteger(String value) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateIntegerInRange(String value, int lower, int upper) {
        throw new UnsupportedOperationException();
    }

    public abstract String renderHtml();
}
