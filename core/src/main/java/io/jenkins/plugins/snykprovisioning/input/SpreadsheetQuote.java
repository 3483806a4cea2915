package io.jenkins.plugins.snykprovisioning.input;

/**
 * Keeps a CSV cell from being run as a formula when a spreadsheet opens the file: a value starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written after an apostrophe,
 * which spreadsheets show as text. The CSV reader takes that apostrophe away again, so a file written this
 * way reads back as the original values. A value that already starts with apostrophes before such a
 * character gets one more, so that it too reads back unchanged.
 */
public final class SpreadsheetQuote {

    private static final char QUOTE = '\'';

    private SpreadsheetQuote() {
    }

    /** {@code value} as a cell a spreadsheet shows as text. */
    public static String quote(String value) {
        return needsQuote(value) ? QUOTE + value : value;
    }

    /** The value a cell written by {@link #quote} holds. */
    public static String unquote(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == QUOTE && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** True for a formula's first character, after any apostrophes. */
    private static boolean needsQuote(String value) {
        if (value == null) {
            return false;
        }
        int i = 0;
        while (i < value.length() && value.charAt(i) == QUOTE) {
            i++;
        }
        return i < value.length() && "=+-@\t\r".indexOf(value.charAt(i)) >= 0;
    }
}
