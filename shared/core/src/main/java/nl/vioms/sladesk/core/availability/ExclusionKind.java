package nl.vioms.sladesk.core.availability;

/** Why outage time is forgiven (R18, R19), with the rule that says so. */
public enum ExclusionKind {
    /** The regular service windows, Saturday and Sunday 01:00-05:00 (R18). */
    REGULAR_SERVICE_WINDOW("R18"),
    /** Planned maintenance announced at least the minimum notice ahead (R19). */
    PLANNED_MAINTENANCE("R19"),
    /** Emergency maintenance that operations flagged as excluded, with a reason (R19). */
    EMERGENCY_MAINTENANCE("R19"),
    /** Force majeure, e.g. a DDoS attack (R18, R26). */
    FORCE_MAJEURE("R18"),
    /** Caused by the reseller or end user, their network or equipment (R18). */
    CUSTOMER_CAUSED("R18"),
    /** Account blocked for administrative reasons or abuse (R18). */
    ADMINISTRATIVE_BLOCK("R18"),
    /** Connection (local loop, customer-site line) outage (R18, R21). */
    CONNECTION_OUTAGE("R18"),
    /** The connection was not yet delivered (R18). */
    NOT_DELIVERED("R18");

    private final String ruleId;

    ExclusionKind(String ruleId) {
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
