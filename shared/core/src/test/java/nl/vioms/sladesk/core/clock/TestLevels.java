package nl.vioms.sladesk.core.clock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import nl.vioms.sladesk.core.policy.ContractType;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.Targets;
import nl.vioms.sladesk.core.policy.WindowKind;

/**
 * Level terms as the default policy states them: response and restore from R5 for P1 and P2,
 * start work from R14 (P1 2 h, P2 8 h), P3 without targets, acknowledge 24 clock hours (R12),
 * R7 phone gate on A and HA. Written here by hand so the clock tests do not depend on policy loading.
 */
final class TestLevels {

    private TestLevels() {
    }

    static LevelTerms terms(SlaLevel level) {
        return switch (level) {
            case A -> level(level, WindowKind.ALWAYS, ContractType.TWENTY_FOUR_SEVEN, "99.90", 2, 8, true);
            case N -> level(level, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "99.60", 4, 8, false);
            case B -> level(level, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "95.00", 8, null, false);
            case HA -> level(level, WindowKind.ALWAYS, ContractType.TWENTY_FOUR_SEVEN, "99.90", 2, 8, true);
            case HS -> level(level, WindowKind.DAILY_12_TO_21, ContractType.OFFICE_HOURS, "99.75", 3, 8, false);
            case HN -> level(level, WindowKind.OFFICE_HOURS_AND_WEEKEND_12_TO_20, ContractType.OFFICE_HOURS,
                    "99.60", 4, 8, false);
            case HB -> level(level, WindowKind.OFFICE_HOURS, ContractType.OFFICE_HOURS, "95.00", 8, null, false);
        };
    }

    private static LevelTerms level(SlaLevel level, WindowKind window, ContractType contract, String kpi,
                                    int responseHours, Integer restoreHours, boolean phoneGated) {
        Duration restore = restoreHours == null ? null : Duration.ofHours(restoreHours);
        Map<Priority, Targets> targets = Map.of(
                Priority.P1, new Targets(Duration.ofHours(responseHours), Duration.ofHours(2), restore),
                Priority.P2, new Targets(Duration.ofHours(responseHours), Duration.ofHours(8), restore));
        return new LevelTerms(level, ServiceKind.HOSTED_PBX, window, contract, new BigDecimal(kpi), targets,
                Duration.ofHours(24), phoneGated, true);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
