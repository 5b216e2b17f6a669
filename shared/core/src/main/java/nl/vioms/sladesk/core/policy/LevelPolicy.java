package nl.vioms.sladesk.core.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row of the level table (R5) with the targets per priority that R14's decision derives from
 * it. Fields may be null only in a policy that failed validation.
 *
 * @param window               when the level's clocks run (R5, R6)
 * @param contract             24x7 (A, HA) or office hours (R14)
 * @param availabilityKpi      monthly availability norm in percent (R5)
 * @param phoneGatedOutOfHours R7: out of office hours the 24x7 window needs a phone report
 * @param targets              response/startWork/restore per priority; absent priority = no targets
 */
public record LevelPolicy(
        WindowKind window,
        ContractType contract,
        BigDecimal availabilityKpi,
        boolean phoneGatedOutOfHours,
        Map<Priority, Targets> targets) {

    public LevelPolicy {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }
}
