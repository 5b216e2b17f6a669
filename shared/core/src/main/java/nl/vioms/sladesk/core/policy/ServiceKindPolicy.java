package nl.vioms.sladesk.core.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * What differs for one kind of service.
 *
 * @param availabilityCredit false for kinds that follow a supplier's SLA (connectivity, mobile):
 *                           still ticketed and timed, but no VIOMS availability credit (R2)
 * @param levelTargets       per level, per priority: targets that replace the level's targets of
 *                           that priority as a whole (R15: hosted PBX on level B)
 */
public record ServiceKindPolicy(boolean availabilityCredit, Map<SlaLevel, Map<Priority, Targets>> levelTargets) {

    public ServiceKindPolicy {
        levelTargets = copyNested(levelTargets);
    }

    public static ServiceKindPolicy plain(boolean availabilityCredit) {
        return new ServiceKindPolicy(availabilityCredit, Map.of());
    }

    static <K, P, T> Map<K, Map<P, T>> copyNested(Map<K, Map<P, T>> source) {
        if (source == null) {
            return Map.of();
        }
        Map<K, Map<P, T>> copy = new HashMap<>();
        source.forEach((k, v) -> copy.put(k, v == null ? Map.of() : Map.copyOf(v)));
        return Map.copyOf(copy);
    }

    /** The replacement targets of this kind for a level, empty when none. */
    public Map<Priority, Targets> overridesFor(SlaLevel level) {
        return levelTargets.getOrDefault(level, Map.of());
    }
}
