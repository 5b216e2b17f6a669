package nl.vioms.sladesk.core.policy;

import java.util.Comparator;

/** The contract's rule ids ("R2", "R18", "R23") in the order people read them: by number, not as text. */
public final class RuleIds {
    /** By rule number; an id that is not R + a number sorts after them, as text. */
    public static final Comparator<String> ORDER =
            Comparator.comparingInt(RuleIds::number).thenComparing(Comparator.naturalOrder());

    private RuleIds() {}

    private static int number(String id) {
        if (id.length() > 1 && id.charAt(0) == 'R' && id.substring(1).chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(id.substring(1));
        }
        return Integer.MAX_VALUE;
    }
}
