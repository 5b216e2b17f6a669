package nl.vioms.sladesk.core.availability;

import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;

/**
 * A span in which outage time does not count as down (R18), e.g. force majeure.
 *
 * @param interval when
 * @param kind     which exclusion, giving the rule id
 * @param reason   the recorded justification, shown in reports (required)
 */
public record Exclusion(Interval interval, ExclusionKind kind, String reason) {

    public Exclusion {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(kind, "kind");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exclusion needs a reason (" + kind + " " + interval + ")");
        }
    }

    public String ruleId() {
        return kind.ruleId();
    }
}
