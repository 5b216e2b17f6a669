package nl.vioms.sladesk.slacheck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;

/** One sweep: the due index's entries up to now, each ticket's due checkpoints recorded once. */
public final class SlaSweep {
    private final TicketStore repository;
    private final TicketService tickets;

    /** A message still pending this long after it was written has missed its delivery: ask again. */
    static final Duration REDRIVE_AFTER = Duration.ofMinutes(5);

    /** Embedded metrics of each sweep (issue 21). */
    public static final String SWEEP_COMPLETED = "SlaSweepCompleted";

    public static final String P1_UNACKNOWLEDGED = "P1Unacknowledged";

    private final OutboxRepository outbox;

    public SlaSweep(TicketStore repository, TicketService tickets, OutboxRepository outbox) {
        this.repository = repository;
        this.tickets = tickets;
        this.outbox = outbox;
    }

    /**
     * @param entriesRead         index entries the sweep read (its cost: due entries only)
     * @param tickets             distinct tickets visited
     * @param checkpointsRecorded warnings and breaches recorded by this sweep
     */
    public record Result(int entriesRead, int tickets, int checkpointsRecorded) {}

    /**
     * One ticket that fails does not stop the others; the sweep then fails at its end, so the
     * function's error alarm fires, and the next sweep tries that ticket again.
     */
    /**
     * Escalations the stream did not deliver (its retries ran out: SNS or KMS down for a while)
     * are still pending in the outbox; each is asked for again, at most once per sweep interval.
     */
    int redrive(Instant now) {
        int asked = 0;
        // pending ones the stream never delivered, and FAILED ones whose attempts ran out
        for (DeliveryState state : List.of(DeliveryState.PENDING, DeliveryState.FAILED)) {
            for (OutboxMessage message : outbox.listByState(state, 100)) {
                if (message.createdAt().isAfter(now.minus(REDRIVE_AFTER))) {
                    break; // oldest first: the rest are younger
                }
                if (outbox.redrive(message.id(), now)) {
                    asked++;
                    Log.warn(
                            "outbox.redrive",
                            Map.of(
                                    "escalationId",
                                    message.id(),
                                    "createdAt",
                                    message.createdAt().toString()));
                }
            }
        }
        return asked;
    }

    public Result run(Instant now) {
        var due = repository.dueBy(now);
        int recorded = 0;
        List<String> failed = new ArrayList<>();
        var numbers = new LinkedHashSet<>(due.ticketNumbers());
        for (String number : numbers) {
            try {
                recorded += tickets.recordCheckpoints(number, now);
            } catch (RuntimeException e) {
                failed.add(number);
                Log.error("sla-check.ticket-failed", Map.of("ticket", number, "error", String.valueOf(e)), e);
            }
        }
        int redriven = redrive(now);
        List<String> unacknowledged = tickets.unacknowledgedBySecondLine(now);
        Map<String, Object> swept = new LinkedHashMap<>();
        swept.put("now", now.toString());
        swept.put("entriesRead", due.itemsRead());
        swept.put("tickets", numbers.size());
        swept.put("checkpointsRecorded", recorded);
        swept.put("failed", failed.size());
        swept.put("redriven", redriven);
        if (!unacknowledged.isEmpty()) {
            swept.put("unacknowledgedTickets", unacknowledged);
        }
        // issue 21: the sweep's heartbeat (SlaSweepMissingAlarm, a dead man's switch) and the P1s
        // the second line has not acknowledged by their response deadline (P1UnacknowledgedAlarm)
        EmbeddedMetric.count(SWEEP_COMPLETED)
                .and(P1_UNACKNOWLEDGED, unacknowledged.size(), EmbeddedMetric.COUNT)
                .log("sla-check.swept", swept);
        if (!failed.isEmpty()) {
            throw new IllegalStateException("sla-check could not record the checkpoints of " + failed);
        }
        return new Result(due.itemsRead(), numbers.size(), recorded);
    }
}
