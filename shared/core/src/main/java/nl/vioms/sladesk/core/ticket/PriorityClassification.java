package nl.vioms.sladesk.core.ticket;

import java.util.Objects;
import nl.vioms.sladesk.core.policy.Priority;

/**
 * Result of {@link PriorityClassifier}: the R10 priority of a new incident and why.
 *
 * @param priority the assigned priority
 * @param reason   human-readable: which marker or which rule and the matched phrase, e.g.
 *                 {@code subject tag [P1]} or {@code rule P1 "hele bedrijf onbereikbaar"}
 * @param explicit true when an API field or a marker in the ticket set the priority, false when a
 *                 text rule (or the default) did
 */
public record PriorityClassification(Priority priority, String reason, boolean explicit) {

    public PriorityClassification {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return priority + (explicit ? " (explicit)" : "") + ": " + reason;
    }
}
