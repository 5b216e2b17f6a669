package nl.vioms.sladesk.app;

import java.math.BigDecimal;

/**
 * The cells of SLA Desk's CSV files, one place for finance's export (month-end's {@code finance.csv}
 * and {@code financieel.csv}, decision 20) and the reseller portal's month CSV (issue 18), so the
 * quoting and the formula-injection guard cannot drift apart.
 *
 * <p>Formula injection (issue 15, finding 10): these files are opened in spreadsheets, and a name such
 * as {@code =HYPERLINK(...)} would be a live formula there (CSV quotes are syntax, not text). A text
 * cell that starts with {@code = + - @}, a tab or a CR gets a leading {@code '}, and is then quoted as
 * RFC 4180 requires (for the separator, {@code "}, CR and LF). Numbers are written from the figures
 * themselves, never from text, and stay numbers (a negative amount stays {@code -12.50}).
 */
public final class CsvCells {
    /** RFC 4180's line end. */
    public static final String CRLF = "\r\n";

    /** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private CsvCells() {}

    /** A text cell: never a formula in a spreadsheet, quoted where RFC 4180 requires; empty for none. */
    public static String text(String value, char separator) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote =
                cell.indexOf(separator) >= 0 || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** A number cell in plain decimal notation (no exponent, no thousands mark); empty when there is none. */
    public static String number(BigDecimal value, char decimalMark) {
        return value == null ? "" : value.toPlainString().replace('.', decimalMark);
    }
}
