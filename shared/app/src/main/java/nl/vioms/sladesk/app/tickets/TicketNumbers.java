package nl.vioms.sladesk.app.tickets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.tickets.TicketStore.SourceClaim;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * Takes ticket numbers for sources and watches the yearly counter. Numbers have no ceiling
 * ({@link TicketNumber}: past 999 999 they grow a digit), but a year that passes
 * {@link TicketNumber#WARNING_SEQUENCE} tickets is far outside VIOMS's normal volume (a flood,
 * a loop, an attack) and is about to leave the six-digit width people and reports are used to.
 * From that value on every number taken logs {@code ticket.numbers.high} as a CloudWatch
 * embedded metric ({@value #NAMESPACE}/{@value #METRIC}, the counter's value), on which
 * template.yaml's {@code TicketNumbersHighAlarm} fires.
 */
final class TicketNumbers {
    static final String NAMESPACE = EmbeddedMetric.NAMESPACE;
    static final String METRIC = "TicketNumberSequence";

    private TicketNumbers() {}

    /** A source's claim and whether this call made it (else another delivery was first). */
    record Claimed(SourceClaim claim, boolean ours) {}

    /** Takes the next number of the report's year and claims the source for it (once the report is judged). */
    static Claimed claim(TicketStore tickets, Report report, String sourceKey, Instant now) {
        int year = report.at().atZone(Amsterdam.ZONE).getYear();
        long sequence = tickets.nextSequence(year);
        watch(year, sequence);
        String number = TicketNumber.format(year, sequence);
        if (tickets.claimSource(sourceKey, number, now, report.at())) {
            return new Claimed(new SourceClaim(number, false, report.at()), true);
        }
        // another delivery of the same source claimed it first: take its number (ours is a gap)
        return new Claimed(tickets.source(sourceKey).orElseThrow(), false);
    }

    /** The report as first received under its claim: a retry keeps the first receipt (R8). */
    static Report first(Report report, SourceClaim claim) {
        return claim.reportedAt() == null || claim.reportedAt().equals(report.at())
                ? report
                : report.receivedAt(claim.reportedAt());
    }

    static void watch(int year, long sequence) {
        if (!TicketNumber.nearingSixDigits(sequence)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("year", year);
        fields.put("sequence", sequence);
        fields.put("warningAt", TicketNumber.WARNING_SEQUENCE);
        // CloudWatch embedded metric format: Lambda's log line becomes a metric data point
        EmbeddedMetric.of(METRIC, sequence, EmbeddedMetric.COUNT).into(fields);
        Log.warn("ticket.numbers.high", fields);
    }
}
