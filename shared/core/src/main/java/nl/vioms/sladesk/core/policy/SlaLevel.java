package nl.vioms.sladesk.core.policy;

/** SLA levels of R5. The H-levels are the hospitality variants. */
public enum SlaLevel {
    A,
    N,
    B,
    HA,
    HS,
    HN,
    HB
}
