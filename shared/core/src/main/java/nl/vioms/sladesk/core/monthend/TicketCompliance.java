package nl.vioms.sladesk.core.monthend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import nl.vioms.sladesk.core.monthend.ContractMonth.Counts;
import nl.vioms.sladesk.core.monthend.ContractMonth.TicketSummary;
import nl.vioms.sladesk.core.ticket.TicketNumber;

/**
 * The ticket compliance of one contract's month (R5, R10, R13, R14): response and restore counts
 * of its incidents and the share met. Part of {@link MonthEndCalculator}; pure.
 */
final class TicketCompliance {

    private TicketCompliance() {}

    /** The counts of the month's incidents: response and restore, each met, breached, open or without a target. */
    static TicketSummary summary(List<TicketLine> tickets) {
        return new TicketSummary(
                tickets.size(),
                counts(tickets.stream().map(TicketLine::response).toList()),
                counts(tickets.stream().map(TicketLine::restore).toList()));
    }

    /** The incidents in the order of the report: by creation, then number. */
    static List<TicketLine> sorted(List<TicketLine> tickets) {
        return tickets.stream()
                .sorted(Comparator.comparing(TicketLine::created).thenComparing(TicketLine::number, TicketNumber.ORDER))
                .toList();
    }

    /** Compliance is met / (met + breached), percent with 2 decimals HALF_UP; null when none was decided. */
    private static Counts counts(List<String> statuses) {
        int met = 0, breached = 0, open = 0, none = 0;
        for (String s : statuses) {
            switch (s) {
                case TicketLine.MET -> met++;
                case TicketLine.BREACHED -> breached++;
                case TicketLine.OPEN -> open++;
                default -> none++;
            }
        }
        BigDecimal compliance = met + breached == 0
                ? null
                : BigDecimal.valueOf(100L * met).divide(BigDecimal.valueOf(met + breached), 2, RoundingMode.HALF_UP);
        return new Counts(met, breached, open, none, compliance);
    }
}
