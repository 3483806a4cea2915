package io.jenkins.plugins.snykprovisioning.input;

import java.io.IOException;

/** The user file as a whole cannot be used; the message names the file and, where known, the line. */
public class InputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public InputFileException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** The line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
