package nl.vioms.sladesk.core.availability;

/** What a span of down or excluded time was based on. */
public enum Observed {
    /** A monitored outage (R20). */
    OUTAGE,
    /** Monitoring did not run and the policy counts unknown time as down (R20). */
    UNKNOWN
}
