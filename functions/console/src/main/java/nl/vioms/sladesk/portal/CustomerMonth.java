package nl.vioms.sladesk.portal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One customer's month as month-end stored it (its latest version, R24/R26): the figures are the
 * version's own ({@code ContractMonth.figures()} and the month's summary), never recomputed; the names
 * and level are those the month was computed with.
 *
 * @param creditBasis the service the contract's one credit is based on (R2, R25), or null when none
 *                    of its services carries credit
 */
record CustomerMonth(
        String customerId,
        String customerName,
        String level,
        YearMonth month,
        int version,
        List<ServiceLine> services,
        String creditBasis,
        BigDecimal creditPercent,
        BigDecimal creditAmount,
        int incidents) {

    CustomerMonth {
        services = List.copyOf(services);
    }

    /**
     * One service of the month (R23).
     *
     * @param availability null without data (issue 20: no figure, no verdict)
     * @param kpi          the availability norm of the customer's level, null without data
     * @param kpiMet       null without data
     * @param downMinutes  down (R23), excluded (R18, R19) and unknown (R20) minutes; null without data
     */
    record ServiceLine(
            String serviceId,
            String name,
            BigDecimal availability,
            BigDecimal kpi,
            Boolean kpiMet,
            BigDecimal downMinutes,
            BigDecimal excludedMinutes,
            BigDecimal unknownMinutes) {}

    /** The service the credit is on: the basis, else the first (what a CSV line carries the credit on). */
    String creditService() {
        if (creditBasis != null) {
            return creditBasis;
        }
        return services.isEmpty() ? "" : services.get(0).serviceId();
    }

    String creditServiceName() {
        String id = creditService();
        return services.stream()
                .filter(s -> s.serviceId().equals(id))
                .map(ServiceLine::name)
                .findFirst()
                .orElse(id);
    }
}
