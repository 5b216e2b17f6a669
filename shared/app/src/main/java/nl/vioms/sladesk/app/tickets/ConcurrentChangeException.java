package nl.vioms.sladesk.app.tickets;

/**
 * Thrown by a {@link TicketStore} when another writer changed the ticket since it was read;
 * nothing was stored. Read again and retry ({@link TicketService} does).
 */
public final class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String number) {
        super("ticket " + number + " changed concurrently");
    }
}
