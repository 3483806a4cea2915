package io.jenkins.plugins.snykprovisioning.results;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, each refused once it passes a length, before it is held whole: a file from
 * elsewhere may have a line of any length. Lines end with '\n', a '\r' before it is dropped.
 */
final class BoundedLines implements Closeable {

    /** A line passed the bound. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLongException(String message) {
            super(message);
        }
    }

    private final Reader in;
    private final int maxChars;
    private final String source;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private long lineNumber;

    BoundedLines(Reader in, int maxChars, String source) {
        this.in = in;
        this.maxChars = maxChars;
        this.source = source;
    }

    /** The next line, or null at the end of the text. */
    String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == end) {
                end = Math.max(0, in.read(buffer, 0, buffer.length));
                position = 0;
                if (end == 0) {
                    return line == null ? null : counted(line);
                }
            }
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            if (line == null) {
                line = new StringBuilder();
            }
            // One more than the bound: a line may end with '\r'.
            if (line.length() + position - start > maxChars + 1) {
                throw tooLong(lineNumber + 1);
            }
            line.append(buffer, start, position - start);
            if (position < end) {
                position++;
                return counted(line);
            }
        }
    }

    private String counted(StringBuilder line) throws TooLongException {
        lineNumber++;
        int length = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        if (length > maxChars) {
            throw tooLong(lineNumber);
        }
        return line.substring(0, length);
    }

    private TooLongException tooLong(long number) {
        return new TooLongException(source + " line " + number + " is longer than " + maxChars + " characters");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
