package nl.vioms.sladesk.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakMachine;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.probe.ProbeRound;

/**
 * The demo's monitoring across a time-lapse jump (issue 20): the probe rounds the jump passes over
 * were not missed (the demo chose not to run them, to finish in a minute), so before the round at
 * the jump's end each target's streak is carried through the rounds it skipped, with the result
 * those rounds would have had: the demo's stand-in peers answer or not, and they do not change
 * during a jump (a platform change is a scene, never jumped over). The rounds go through the
 * probe's own {@link StreakMachine} (same interval); the last one is stored as a check marked as
 * the demo's. Production's missed runs stay unknown time (R20): this class is only in the demo's
 * command-line tool, never in a Lambda.
 *
 * <p>A skipped round whose check would ask for an effect (a notification, an outage, an incident)
 * ends the bridge there: the demo does not do the probe's work in the dark, and the rest of the
 * jump is then recorded as the probe records it, unknown.
 */
final class DemoProbeBridge {
    static final String DETAIL = "demo time-lapse: round skipped by the jump, stand-in peers ";

    private final ProbeRepository probes;
    private final BooleanSupplier peersAnswering;
    private final StreakMachine machine = new StreakMachine(ProbeRound.INTERVAL);

    DemoProbeBridge(ProbeRepository probes, BooleanSupplier peersAnswering) {
        this.probes = probes;
        this.peersAnswering = peersAnswering;
    }

    /** A streak carried through skipped rounds: the state after them, the last check, how many. */
    record Carried(StreakState state, CheckResult last, long rounds) {}

    /**
     * Pure: {@code state} carried through the rounds after its last check that lie more than half
     * an interval before {@code until} (the real round then comes at most one and a half intervals
     * later, so it is no missed run), each passing or failing as {@code up} says, until a round
     * would ask for an effect. Nothing to carry for a target never checked.
     */
    static Carried carry(StreakMachine machine, StreakState state, ProbeTarget target, boolean up, Instant until) {
        if (state == null || state.lastCheckAt() == null) {
            return new Carried(state, null, 0);
        }
        Duration interval = ProbeRound.INTERVAL;
        CheckResult last = null;
        long rounds = 0;
        for (Instant at = state.lastCheckAt().plus(interval);
                !at.isAfter(until.minus(interval.dividedBy(2)));
                at = at.plus(interval)) {
            CheckResult check = up
                    ? CheckResult.passed(target.id(), at, Duration.ZERO, DETAIL + "up")
                    : CheckResult.failed(target.id(), at, null, DETAIL + "down");
            StreakMachine.Step step = machine.apply(
                    state,
                    check,
                    target.serviceKey(),
                    false,
                    target.serviceKey().startsWith("platform:"));
            if (!step.effects().isEmpty()) {
                break;
            }
            state = step.next();
            last = check;
            rounds++;
        }
        return new Carried(state, last, rounds);
    }

    /**
     * Carries every target's streak up to the last round before {@code until} (the jump's end,
     * where the real round runs). Returns the number of skipped rounds recorded.
     */
    long across(Instant until) {
        List<ProbeTarget> targets = probes.targets();
        Map<String, StreakState> streaks =
                probes.streaks(targets.stream().map(ProbeTarget::id).toList());
        boolean up = peersAnswering.getAsBoolean();
        long rounds = 0;
        for (ProbeTarget target : targets) {
            Carried carried = carry(machine, streaks.get(target.id()), target, up, until);
            if (carried.last() != null) {
                probes.putCheck(carried.last());
                probes.saveStreak(carried.state());
                rounds += carried.rounds();
            }
        }
        return rounds;
    }
}
