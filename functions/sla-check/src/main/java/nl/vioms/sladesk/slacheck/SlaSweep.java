package nl.vioms.sladesk.slacheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.Log;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.aws.tickets.TicketService;

/** One sweep: the due index's entries up to now, each ticket's due checkpoints recorded once. */
public final class SlaSweep {
    private final TicketRepository repository;
    private final TicketService tickets;

    public SlaSweep(TicketRepository repository, TicketService tickets) {
        this.repository = repository;
        this.tickets = tickets;
    }

    /**
     * @param entriesRead         index entries the sweep read (its cost: due entries only)
     * @param tickets             distinct tickets visited
     * @param checkpointsRecorded warnings and breaches recorded by this sweep
     */
    public record Result(int entriesRead, int tickets, int checkpointsRecorded) {
    }

    /**
     * One ticket that fails does not stop the others; the sweep then fails at its end, so the
     * function's error alarm fires, and the next sweep tries that ticket again.
     */
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
                Log.error("sla-check.ticket-failed", Map.of("ticket", number, "error", String.valueOf(e)));
            }
        }
        Log.info("sla-check.swept", Map.of("now", now.toString(), "entriesRead", due.itemsRead(),
                "tickets", numbers.size(), "checkpointsRecorded", recorded, "failed", failed.size()));
        if (!failed.isEmpty()) {
            throw new IllegalStateException("sla-check could not record the checkpoints of " + failed);
        }
        return new Result(due.itemsRead(), numbers.size(), recorded);
    }
}
