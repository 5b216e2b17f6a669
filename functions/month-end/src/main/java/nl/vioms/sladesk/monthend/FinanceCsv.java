package nl.vioms.sladesk.monthend;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import nl.vioms.sladesk.core.monthend.ContractMonth;

/**
 * Finance's import: one line per contract with fee, availability, credit percentage and amount
 * (R25); {@code restore_claims} counts the restore-time breaches listed for finance to decide
 * and {@code restore_claims_amount} is their amount when the policy sets one per breach (empty
 * otherwise), never part of the credit; {@code unknown_minutes} is the credit service's unknown
 * time (R20), counted as available; {@code data} says when the availability is not a whole
 * measured month (issue 20). RFC 4180: comma-separated, CRLF, quoted where needed, decimal
 * points, UTF-8.
 *
 * <p>Formula injection (issue 15, finding 10): finance opens this file in a spreadsheet, and a name
 * such as {@code =HYPERLINK(...)} would be a live formula there (CSV quotes are syntax, not text).
 * Every text cell, which can hold what a reseller or customer typed, passes {@link #text}: one that
 * starts with {@code = + - @}, a tab or a CR gets a leading {@code '}, and is then quoted as RFC 4180
 * requires. Numbers are written by {@link #number} from the figures themselves, never from text,
 * and stay numbers (a negative amount stays {@code -12.50}, so finance can sum the column).
 */
final class FinanceCsv {
    static final String HEADER = "customer_id,customer_name,reseller_id,level,month,version,credit_service,"
            + "monthly_licence_fee,monthly_fixed_costs,availability_percent,rounding,credit_percent,"
            + "credit_amount,capped,data,restore_claims,restore_claims_amount,unknown_minutes";

    /** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private FinanceCsv() {}

    static String render(List<MonthEnd.ContractResult> results) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        results.stream().sorted(Comparator.comparing(r -> r.customer().id())).forEach(r -> {
            ContractMonth m = r.month();
            var credit = m.credit().applied();
            out.append(String.join(
                            ",",
                            text(m.customerId()),
                            text(m.customerName()),
                            text(m.resellerId()),
                            text(m.level()),
                            text(m.month()),
                            Integer.toString(r.version()),
                            text(m.credit().basisServiceId()),
                            number(m.monthlyLicenceFee()),
                            number(m.monthlyFixedCosts()),
                            number(m.headlineAvailability()),
                            text(credit.rounding()),
                            number(credit.percent()),
                            number(credit.amount()),
                            Boolean.toString(credit.capped()),
                            text(data(m)),
                            Integer.toString(m.restoreClaims().count()),
                            number(m.restoreClaims().total()),
                            unknownMinutes(m)))
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
    static String unknownMinutes(ContractMonth m) {
        var head = m.headlineService();
        return head == null || !head.hasData() ? "" : number(head.unknownMinutes());
    }

    /** A text cell: never a formula in a spreadsheet, quoted where RFC 4180 requires. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** A number cell, plain decimal notation (no exponent); empty when there is none. */
    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
