package nl.vioms.sladesk.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.core.policy.Priority;
import org.jspecify.annotations.Nullable;

/**
 * The SLA clocks of one ticket at one instant, from {@link SlaClocks#compute}. A due instant is
 * null when its target is null (best effort, R14) and, for start-work and restore, while the clock
 * is paused (R16): it is not known until the pause ends. The acknowledgement (R12) is always due.
 *
 * @param clockStart        first open instant of the window at or after creation (R6, R9)
 * @param acknowledgeDue    created + the acknowledge clock hours, windows and pauses ignored (R12)
 * @param responseDue       response deadline (R5, R13), never paused
 * @param startWorkDue      start-work deadline (R14), pauses excluded (R16)
 * @param restoreDue        restore deadline (R5, R13), pauses excluded (R16)
 * @param warningAt         when 75 % of the restore target has elapsed (R17); null as restoreDue
 * @param restoreElapsed    open time of the restore clock so far (stops at resolution or pause)
 * @param restoreRemaining  restore target minus elapsed, negative when overrun; null without target
 * @param responseBreached  no response by the due instant, or a response after it
 * @param startWorkBreached no start of work by the due instant, or a start after it
 * @param restoreBreached   no resolution by the due instant, or a resolution after it
 * @param paused            a pause is ongoing and the ticket is not resolved (R16)
 * @param priority          the priority in force (R17)
 * @param rulesApplied      the rule ids that shaped this result, ascending ("R3", "R6", ...)
 */
public record ClockResult(
        Instant clockStart,
        Instant acknowledgeDue,
        @Nullable Instant responseDue,
        @Nullable Instant startWorkDue,
        @Nullable Instant restoreDue,
        @Nullable Instant warningAt,
        Duration restoreElapsed,
        @Nullable Duration restoreRemaining,
        boolean responseBreached,
        boolean startWorkBreached,
        boolean restoreBreached,
        boolean paused,
        Priority priority,
        List<String> rulesApplied) {

    public ClockResult {
        rulesApplied = List.copyOf(rulesApplied);
    }
}
