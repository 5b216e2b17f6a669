package nl.vioms.sladesk.monthend;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import nl.vioms.sladesk.app.CsvCells;
import nl.vioms.sladesk.core.monthend.ContractMonth;

/**
 * Finance's import: one line per contract with fee, availability, credit percentage and amount
 * (R25); {@code restore_claims} counts the restore-time breaches listed for finance to decide
 * and {@code restore_claims_amount} is their amount when the policy sets one per breach (empty
 * otherwise), never part of the credit; {@code unknown_minutes} is the credit service's unknown
 * time (R20), counted as available; {@code data} says when the availability is not a whole
 * measured month (issue 20). Two dialects of the same lines, one writer (decision 20):
 * <ul>
 *   <li>{@link Dialect#RFC_4180} ({@code finance.csv}, for import): comma-separated, CRLF, quoted where
 *       needed, decimal points, English headers, UTF-8 without a byte-order mark;
 *   <li>{@link Dialect#DUTCH} ({@code financieel.csv}, to open in Dutch Excel or LibreOffice with a
 *       double-click): UTF-8 with a byte-order mark (so accents survive), {@code ;}-separated (the
 *       Dutch list separator), decimal commas (so {@code 12,50} is a number), Dutch headers and
 *       words, CRLF, quoted as RFC 4180 requires for {@code ;}.
 * </ul>
 *
 * <p>Formula injection (issue 15, finding 10): finance opens this file in a spreadsheet, and a name
 * such as {@code =HYPERLINK(...)} would be a live formula there (CSV quotes are syntax, not text).
 * Every text cell, which can hold what a reseller or customer typed, passes {@link #text}
 * ({@link CsvCells}, shared with the reseller portal's CSV): one that starts with {@code = + - @}, a tab
 * or a CR gets a leading {@code '}, and is then quoted as RFC 4180 requires. Numbers are written by
 * {@link #number} from the figures themselves, never from text, and stay numbers (a negative amount
 * stays {@code -12.50}, so finance can sum the column).
 */
final class FinanceCsv {
    static final String HEADER = "customer_id,customer_name,reseller_id,level,month,version,credit_service,"
            + "monthly_licence_fee,monthly_fixed_costs,availability_percent,rounding,credit_percent,"
            + "credit_amount,capped,data,restore_claims,restore_claims_amount,unknown_minutes";

    /** The Dutch variant's header, the same columns in the same order. */
    static final String HEADER_NL = "Klant-id;Klant;Reseller-id;Niveau;Maand;Versie;Creditdienst;"
            + "Licentiekosten per maand;Vaste kosten per maand;Beschikbaarheid (%);Afronding;Credit (%);"
            + "Creditbedrag;Gemaximeerd;Gegevens;Claims hersteltijd;Bedrag claims hersteltijd;Onbekend (minuten)";

    /** UTF-8's byte-order mark: how Excel knows a CSV is UTF-8 (without it, Windows-1252). */
    static final String BOM = "\uFEFF";

    /** How the lines are written: the file's name, separator, decimal mark, header and words. */
    enum Dialect {
        /** {@code finance.csv}: RFC 4180 for finance's import, unchanged since issue 7. */
        RFC_4180("finance.csv", ',', '.', "", HEADER),
        /** {@code financieel.csv}: what Dutch Excel and LibreOffice open in columns with a double-click. */
        DUTCH("financieel.csv", ';', ',', BOM, HEADER_NL);

        final String fileName;
        final char separator;
        final char decimal;
        final String preamble;
        final String header;

        Dialect(String fileName, char separator, char decimal, String preamble, String header) {
            this.fileName = fileName;
            this.separator = separator;
            this.decimal = decimal;
            this.preamble = preamble;
            this.header = header;
        }

        boolean dutch() {
            return this == DUTCH;
        }
    }

    private FinanceCsv() {}

    /** {@code finance.csv}: RFC 4180. */
    static String render(List<MonthEnd.ContractResult> results) {
        return render(results, Dialect.RFC_4180);
    }

    static String render(List<MonthEnd.ContractResult> results, Dialect dialect) {
        StringBuilder out =
                new StringBuilder(dialect.preamble).append(dialect.header).append("\r\n");
        results.stream().sorted(Comparator.comparing(r -> r.customer().id())).forEach(r -> {
            ContractMonth m = r.month();
            var credit = m.credit().applied();
            out.append(String.join(
                            String.valueOf(dialect.separator),
                            text(m.customerId(), dialect),
                            text(m.customerName(), dialect),
                            text(m.resellerId(), dialect),
                            text(m.level(), dialect),
                            text(m.month(), dialect),
                            Integer.toString(r.version()),
                            text(m.credit().basisServiceId(), dialect),
                            number(m.monthlyLicenceFee(), dialect),
                            number(m.monthlyFixedCosts(), dialect),
                            number(m.headlineAvailability(), dialect),
                            text(credit.rounding(), dialect),
                            number(credit.percent(), dialect),
                            number(credit.amount(), dialect),
                            dialect.dutch() ? (credit.capped() ? "ja" : "nee") : Boolean.toString(credit.capped()),
                            text(dialect.dutch() ? dataNl(m) : data(m), dialect),
                            Integer.toString(m.restoreClaims().count()),
                            number(m.restoreClaims().total(), dialect),
                            unknownMinutes(m, dialect)))
                    .append("\r\n");
        });
        return out.toString();
    }

    /**
     * Whether the availability is measured (R18, issue 20): empty for a whole measured month,
     * {@code no-data} (the availability cell is then empty), or {@code partial from 2026-11-09}.
     */
    static String data(ContractMonth m) {
        var head = m.headlineService();
        if (head == null || ContractMonth.ServiceMonth.MEASURED.equals(head.data())) {
            return "";
        }
        return head.hasData() ? "partial from " + head.measuredFrom().substring(0, 10) : head.data();
    }

    /**
     * The credit service's unknown time in minutes (R20: the probe did not run; counted as
     * available), so finance sees how much of the figure was not measured; empty without data.
     */
    static String unknownMinutes(ContractMonth m, Dialect dialect) {
        var head = m.headlineService();
        return head == null || !head.hasData() ? "" : number(head.unknownMinutes(), dialect);
    }

    /** {@link #data} in Dutch: empty, {@code geen gegevens} or {@code gedeeltelijk vanaf 2026-11-09}. */
    static String dataNl(ContractMonth m) {
        String data = data(m);
        if (data.isEmpty()) {
            return data;
        }
        return data.startsWith("partial from ") ? "gedeeltelijk vanaf " + data.substring(13) : "geen gegevens";
    }

    /** A text cell of {@code finance.csv}. */
    static String text(String value) {
        return text(value, Dialect.RFC_4180);
    }

    /** A text cell: never a formula in a spreadsheet, quoted where RFC 4180 requires (for the separator). */
    static String text(String value, Dialect dialect) {
        return CsvCells.text(value, dialect.separator);
    }

    /** A number cell of {@code finance.csv}. */
    static String number(BigDecimal value) {
        return number(value, Dialect.RFC_4180);
    }

    /** A number cell, plain decimal notation (no exponent, no thousands mark); empty when there is none. */
    static String number(BigDecimal value, Dialect dialect) {
        return CsvCells.number(value, dialect.decimal);
    }
}
