package nl.vioms.sladesk.core.ticket;

/** An incident runs SLA clocks; a request for change (RFC) does not (R10). */
public enum TicketKind {
    INCIDENT,
    RFC
}
