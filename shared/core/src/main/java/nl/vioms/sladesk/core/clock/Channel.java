package nl.vioms.sladesk.core.clock;

/** How a ticket came in (R8). PHONE and MONITORING open the 24x7 window of R7 at once. */
public enum Channel {
    EMAIL,
    PHONE,
    API,
    MONITORING
}
