package nl.vioms.sladesk.core.policy;

/** Kinds of service VIOMS delivers (R1, R2). Wire names are the lower-case, hyphenated forms. */
public enum ServiceKind {
    HOSTED_PBX("hosted-pbx"),
    SIP_TRUNK("sip-trunk"),
    CONNECTIVITY("connectivity"),
    MOBILE("mobile");

    private final String wireName;

    ServiceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ServiceKind fromWireName(String name) {
        for (ServiceKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown service kind '" + name + "' (expected hosted-pbx, sip-trunk, connectivity or mobile)");
    }
}
