package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A role: one Cognito group each (issue 17), with the name a person reads. The first five are
 * VIOMS's console roles; the last two are the reseller portal's (issue 18), whose membership is the
 * group {@code reseller-<id>} of the person's reseller (see {@link #resellerOfGroup}).
 */
public enum Role {
    /** The NOC: the whole queue, every action, monitoring and escalations. */
    OPERATIONS("operations", "Operations"),
    /** Phone agents: take calls, read and note tickets. */
    TELEPHONY("telephony", "Telefonie"),
    /** The external second line: escalated tickets only, and their acknowledgement. */
    SECOND_LINE("second-line", "Tweede lijn"),
    /** Month-end reports and credits, read-only. */
    FINANCE("finance", "Financiën"),
    /** The directory, API tokens and console users. */
    ADMIN("admin", "Beheer"),
    /** A reseller's staff in the portal: their own reseller's tickets, reports and nothing else. */
    RESELLER(null, "Reseller"),
    /** A reseller's portal admin: also invites and disables the reseller's own staff and manages its API tokens. */
    PORTAL_ADMIN("portal-admin", "Beheerder portaal");

    /** The roles of VIOMS's console. */
    public static final Set<Role> CONSOLE = EnumSet.of(OPERATIONS, TELEPHONY, SECOND_LINE, FINANCE, ADMIN);

    /** The group that makes a person staff of one reseller: {@code reseller-telnet}. */
    public static final String RESELLER_GROUP_PREFIX = "reseller-";

    private final String group;
    private final String label;

    Role(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The Cognito group name (RESELLER: the prefix of its per-reseller groups). */
    public String group() {
        return group == null ? RESELLER_GROUP_PREFIX + "*" : group;
    }

    /** The Dutch name shown in the console. */
    public String label() {
        return label;
    }

    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values())
                .filter(role -> role.group != null && role.group.equals(group))
                .findFirst();
    }

    /** {@code reseller-telnet} -> telnet; any other group -> empty. */
    public static Optional<String> resellerOfGroup(String group) {
        if (group.startsWith(RESELLER_GROUP_PREFIX) && group.length() > RESELLER_GROUP_PREFIX.length()) {
            return Optional.of(group.substring(RESELLER_GROUP_PREFIX.length()));
        }
        return Optional.empty();
    }

    /** The group of one reseller's staff. */
    public static String resellerGroup(String resellerId) {
        return RESELLER_GROUP_PREFIX + resellerId;
    }
}
