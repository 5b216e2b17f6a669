package nl.vioms.sladesk.console;

import java.util.Arrays;
import java.util.Optional;

/** A console role: one Cognito group each (issue 17), with the name a person reads. */
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
    ADMIN("admin", "Beheer");

    private final String group;
    private final String label;

    Role(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The Cognito group name. */
    public String group() {
        return group;
    }

    /** The Dutch name shown in the console. */
    public String label() {
        return label;
    }

    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values()).filter(role -> role.group.equals(group)).findFirst();
    }
}
