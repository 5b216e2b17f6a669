package nl.vioms.sladesk.core.watch;

import java.util.Locale;

/**
 * The moments of a ticket's SLA clocks that a watcher acts on once each: the R12 reaction, the
 * response (R13), start work (R14), and the restore warning at 75 % (R17) and breach (R13).
 */
public enum Checkpoint {
    ACKNOWLEDGE_BREACH,
    RESPONSE_BREACH,
    START_WORK_BREACH,
    RESTORE_WARNING,
    RESTORE_BREACH;

    /** As stored and sent: lower case with hyphens, e.g. {@code acknowledge-breach}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The checkpoint of a {@link #wireName()}; throws {@link IllegalArgumentException} for any other text. */
    public static Checkpoint fromWireName(String wireName) {
        for (Checkpoint c : values()) {
            if (c.wireName().equals(wireName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown checkpoint: " + wireName);
    }
}
