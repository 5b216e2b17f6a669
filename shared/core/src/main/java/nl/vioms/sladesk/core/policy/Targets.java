package nl.vioms.sladesk.core.policy;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Business-time targets of one priority (R5, R14). A null target is "best effort" or "set by
 * VIOMS": it has no deadline. Durations count only inside the level's service window.
 */
public record Targets(
        @Nullable Duration response,
        @Nullable Duration startWork,
        @Nullable Duration restore) {
    public static final Targets NONE = new Targets(null, null, null);

    // written out: a record's generated equals/hashCode bootstrap method handles on first use,
    // some 20 ms of every cold start, as loading the policy compares targets (decision 11)
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Targets t
                && Objects.equals(response, t.response)
                && Objects.equals(startWork, t.startWork)
                && Objects.equals(restore, t.restore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(response, startWork, restore);
    }
}
