package nl.vioms.sladesk.core.ticket;

/** Where a ticket stands. WAITING means VIOMS waits for the reseller or end user (R16). */
public enum TicketStatus {
    OPEN,
    WAITING,
    RESOLVED,
    CLOSED;

    /** Open and waiting tickets are in the work queue (R11). */
    public boolean isOpen() {
        return this == OPEN || this == WAITING;
    }
}
