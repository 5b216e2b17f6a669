package nl.vioms.sladesk.core.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one SLA level promises for one kind of service, as the clocks and reports need it.
 *
 * @param window                 when the clocks run (R5, R6)
 * @param contract               24x7 or office-hours contract (R14)
 * @param availabilityKpi        monthly availability norm in percent, e.g. 99.90 (R5)
 * @param targets                targets per priority; a missing priority has no targets
 * @param acknowledge            reaction to the reseller within this many clock hours (R12)
 * @param phoneGatedOutOfHours   R7: outside office hours the 24x7 window applies only from a
 *                               phone report on; before that the ticket runs on office hours
 * @param availabilityCredit     false for kinds that carry no VIOMS credit (R2)
 */
public record LevelTerms(
        SlaLevel level,
        ServiceKind serviceKind,
        WindowKind window,
        ContractType contract,
        BigDecimal availabilityKpi,
        Map<Priority, Targets> targets,
        Duration acknowledge,
        boolean phoneGatedOutOfHours,
        boolean availabilityCredit) {

    public LevelTerms {
        Objects.requireNonNull(acknowledge, "acknowledge (R12)");
        targets = Map.copyOf(targets);
    }

    public Targets targetsFor(Priority priority) {
        return targets.getOrDefault(priority, Targets.NONE);
    }
}
