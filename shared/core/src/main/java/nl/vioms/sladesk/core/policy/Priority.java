package nl.vioms.sladesk.core.policy;

/** Incident priorities of R10; P1 is the highest. RFCs carry no incident clock and have no priority. */
public enum Priority {
    P1,
    P2,
    P3
}
