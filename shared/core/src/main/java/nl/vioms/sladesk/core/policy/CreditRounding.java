package nl.vioms.sladesk.core.policy;

/** How R25's "for each 1 % below the threshold" counts the shortfall. */
public enum CreditRounding {
    /** Whole steps only (floor): 0.9 points -> 0 (R25 decision, default). */
    WHOLE("whole"),
    /** Every started step (ceiling): 0.9 points -> 1. */
    STARTED("started"),
    /** The exact fraction: 0.9 points -> 0.9 steps. */
    PRORATA("prorata");

    private final String wireName;

    CreditRounding(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CreditRounding fromWireName(String name) {
        for (CreditRounding r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown credit rounding '" + name + "' (expected whole, started or prorata)");
    }
}
