package nl.vioms.sladesk.slacheck;

import java.time.Instant;
import java.util.LinkedHashSet;
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

    public Result run(Instant now) {
        var due = repository.dueBy(now);
        int recorded = 0;
        var numbers = new LinkedHashSet<>(due.ticketNumbers());
        for (String number : numbers) {
            recorded += tickets.recordCheckpoints(number, now);
        }
        Log.info("sla-check.swept", Map.of("now", now.toString(), "entriesRead", due.itemsRead(),
                "tickets", numbers.size(), "checkpointsRecorded", recorded));
        return new Result(due.itemsRead(), numbers.size(), recorded);
    }
}
