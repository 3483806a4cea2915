package io.jenkins.plugins.snykprovisioning.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a user file as strict UTF-8 text: drops a byte-order mark, and stops with a message naming
 * the line at bytes that are not UTF-8, at binary content (NUL), at an overlong line and at a
 * file past the size limit. It decodes by itself so that text before a bad byte is still
 * delivered, and the line of the bad byte is exact.
 */
final class CheckedTextReader extends Reader {

    private final InputStream in;
    private final String source;
    private final InputLimits limits;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private boolean badBytes;
    private long chars;
    private int line = 1;
    private int lineChars;
    private boolean started;
    private boolean lineLimited;

    CheckedTextReader(InputStream in, String source, InputLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
    }

    /** CSV lines are bounded; JSON may legitimately be written on one long line. */
    void limitLineLength() {
        lineLimited = true;
    }

    /** The line being read, 1-based. */
    int line() {
        return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count;
        do {
            count = decode(buffer, offset, length);
            if (count < 0) {
                return -1;
            }
            count = dropByteOrderMark(buffer, offset, count);
        } while (count == 0);
        check(buffer, offset, count);
        return count;
    }

    private int decode(char[] buffer, int offset, int length) throws IOException {
        if (badBytes) {
            throw new InputFileException(source, line, "is not UTF-8 text (save the file with UTF-8 encoding)");
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                badBytes = true;
                // Deliver what came before the bad bytes first, so the error names their line.
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                return decode(buffer, offset, length);
            }
            if (out.position() > offset) {
                return out.position() - offset;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                return out.position() > offset ? out.position() - offset : -1;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
    }

    private int dropByteOrderMark(char[] buffer, int offset, int count) {
        if (started) {
            return count;
        }
        started = true;
        if (buffer[offset] == '\uFEFF') {
            System.arraycopy(buffer, offset + 1, buffer, offset, count - 1);
            return count - 1;
        }
        return count;
    }

    private void check(char[] buffer, int offset, int count) throws InputFileException {
        for (int i = offset; i < offset + count; i++) {
            char c = buffer[i];
            if (c == '\n') {
                line++;
                lineChars = 0;
            } else if (c == '\u0000') {
                throw new InputFileException(source, line, "contains binary data (a NUL byte); expected a CSV or JSON text file");
            } else if (++lineChars > limits.maxLineChars() && lineLimited) {
                throw new InputFileException(source, line, "line is longer than " + limits.maxLineChars()
                        + " characters; is this a user file?");
            }
        }
        chars += count;
        if (chars > limits.maxChars()) {
            throw new InputFileException(source, 0, "is larger than the limit of " + limits.maxChars() + " characters");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
