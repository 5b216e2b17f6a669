package nl.vioms.sladesk.core.policy;

import java.time.Duration;

/**
 * Business-time targets of one priority (R5, R14). A null target is "best effort" or "set by
 * VIOMS": it has no deadline. Durations count only inside the level's service window.
 */
public record Targets(Duration response, Duration startWork, Duration restore) {
    public static final Targets NONE = new Targets(null, null, null);
}
