package io.jenkins.plugins.snykprovisioning.jenkins;

/**
 * What a form check says about a field, in plain Java so that tests read it; {@link ProvisioningForm#shown} turns it
 * into Jenkins' answer.
 *
 * @param message null for a plain {@link Kind#OK}
 */
record FieldCheck(Kind kind, String message) {

    /** How the form shows it: nothing, a neutral note, a warning, or an error (red). */
    enum Kind { OK, NOTE, WARNING, ERROR }

    static final FieldCheck OK = new FieldCheck(Kind.OK, null);

    static FieldCheck note(String message) {
        return new FieldCheck(Kind.NOTE, message);
    }

    static FieldCheck warning(String message) {
        return new FieldCheck(Kind.WARNING, message);
    }

    static FieldCheck error(String message) {
        return new FieldCheck(Kind.ERROR, message);
    }
}
