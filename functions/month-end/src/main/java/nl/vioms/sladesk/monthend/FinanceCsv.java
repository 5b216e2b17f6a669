package nl.vioms.sladesk.monthend;

import java.util.Comparator;
import java.util.List;
import nl.vioms.sladesk.core.monthend.ContractMonth;

/**
 * Finance's import: one line per contract with fee, availability, credit percentage and amount
 * (R25). RFC 4180: comma-separated, CRLF, quoted where needed, decimal points, UTF-8.
 */
final class FinanceCsv {
    static final String HEADER = "customer_id,customer_name,reseller_id,level,month,version,credit_service,"
            + "monthly_licence_fee,monthly_fixed_costs,availability_percent,rounding,credit_percent,"
            + "credit_amount,capped";

    private FinanceCsv() {}

    static String render(List<MonthEnd.ContractResult> results) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        results.stream().sorted(Comparator.comparing(r -> r.customer().id())).forEach(r -> {
            ContractMonth m = r.month();
            var credit = m.credit().applied();
            out.append(String.join(
                            ",",
                            field(m.customerId()),
                            field(m.customerName()),
                            field(m.resellerId()),
                            m.level(),
                            m.month(),
                            Integer.toString(r.version()),
                            field(m.credit().basisServiceId()),
                            m.monthlyLicenceFee().toPlainString(),
                            m.monthlyFixedCosts().toPlainString(),
                            m.headlineAvailability() == null
                                    ? ""
                                    : m.headlineAvailability().toPlainString(),
                            credit.rounding(),
                            credit.percent().toPlainString(),
                            credit.amount().toPlainString(),
                            Boolean.toString(credit.capped())))
                    .append("\r\n");
        });
        return out.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
