package nl.vioms.sladesk.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.Targets;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * Computes the SLA clocks of a ticket at an instant (R6-R17). Pure: the same inputs always give the
 * same result, so any instant can be replayed. Events after {@code now} are ignored (the ticket
 * as known at {@code now}, see {@link TicketTimeline#asOf}).
 *
 * <ul>
 *   <li>R12: acknowledge = created + the acknowledge clock hours, ignoring windows and pauses.</li>
 *   <li>R6/R9: the clocks start at the first open instant of the window at or after creation.</li>
 *   <li>R7 (levels with {@link LevelTerms#phoneGatedOutOfHours()}): phone and monitoring tickets,
 *       and e-mail/API tickets created inside office hours, run on the level's window from
 *       creation; other e-mail/API tickets run on office hours until the phone report, then on
 *       the level's window.</li>
 *   <li>R17: targets are those of the current priority, counted from the same clock start with
 *       the same pauses (no restart on reclassification).</li>
 *   <li>R16: pauses stop the start-work and restore clocks, not the response clock. While a pause
 *       lasts those due instants are null and the elapsed time is frozen at the pause start.</li>
 *   <li>Breach: the event did not happen by the due instant, or happened after it; an event at
 *       exactly the due instant is in time.</li>
 * </ul>
 */
public final class SlaClocks {

    private SlaClocks() {}

    /** The clocks of {@code ticket} on {@code terms} and {@code calendar}, as at {@code now}. */
    public static ClockResult compute(TicketTimeline ticket, LevelTerms terms, WorkingDays calendar, Instant now) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(now, "now");
        TicketTimeline t = Objects.requireNonNull(ticket, "ticket").asOf(now);
        TreeSet<Integer> rules = new TreeSet<>(List.of(5, 6, 8));

        BusinessTime time = businessTime(t, terms, calendar, rules);
        Instant created = t.created();
        Instant clockStart = time.nextOpen(created);
        if (clockStart.isAfter(created) && rules.contains(3)) {
            rules.add(9); // office-hours start next working day
        }

        Instant acknowledgeDue = created.plus(terms.acknowledge()); // R12: clock hours
        rules.add(12);

        Priority priority = t.priorityAt(now);
        if (!t.reclassifications().isEmpty()) {
            rules.add(17);
        }
        Targets targets = terms.targetsFor(priority);
        rules.add(14);

        // R16: closed pauses as intervals; an ongoing pause freezes the clocks from its start
        Instant pausedSince = null;
        List<Interval> closed = new ArrayList<>();
        for (TicketTimeline.Pause p : t.pauses()) {
            rules.add(16);
            if (p.ongoing()) {
                pausedSince = pausedSince == null || p.from().isBefore(pausedSince) ? p.from() : pausedSince;
            } else {
                closed.add(new Interval(p.from(), p.to()));
            }
        }

        Instant responseDue = null;
        boolean responseBreached = false;
        if (targets.response() != null) {
            responseDue = time.add(clockStart, targets.response()); // R16: never paused
            responseBreached = missed(t.respondedAt(), responseDue, now);
        }

        Stopped startWork =
                pausedClock(time, clockStart, targets.startWork(), t.startedWorkAt(), closed, pausedSince, now);
        Stopped restore = pausedClock(time, clockStart, targets.restore(), t.resolvedAt(), closed, pausedSince, now);

        boolean restorePaused = pausedSince != null && t.resolvedAt() == null;
        Instant warningAt = null;
        Duration remaining = null;
        if (targets.restore() != null) {
            if (!restorePaused) {
                warningAt =
                        time.add(clockStart, targets.restore().multipliedBy(3).dividedBy(4), restore.pauses);
            }
        }
        Instant stop = now;
        if (t.resolvedAt() != null) {
            stop = t.resolvedAt();
        } else if (pausedSince != null) {
            stop = pausedSince;
        }
        Duration elapsed = time.between(clockStart, stop, restore.pauses);
        if (targets.restore() != null) {
            remaining = targets.restore().minus(elapsed);
        }

        List<String> ids = rules.stream().map(n -> "R" + n).toList();
        return new ClockResult(
                clockStart,
                acknowledgeDue,
                responseDue,
                startWork.due,
                restore.due,
                warningAt,
                elapsed,
                remaining,
                responseBreached,
                startWork.breached,
                restore.breached,
                restorePaused,
                priority,
                ids);
    }

    /** R6, R7: the business time the ticket's clocks run on. */
    private static BusinessTime businessTime(
            TicketTimeline t, LevelTerms terms, WorkingDays calendar, TreeSet<Integer> rules) {
        BusinessTime level = BusinessTime.of(calendar.window(terms.window()));
        boolean levelUsesOfficeHours = terms.window() == WindowKind.OFFICE_HOURS
                || terms.window() == WindowKind.OFFICE_HOURS_AND_WEEKEND_12_TO_20;
        if (levelUsesOfficeHours) {
            rules.add(3);
        }
        if (!terms.phoneGatedOutOfHours()) {
            return level;
        }
        rules.add(7);
        if (t.channel() == Channel.PHONE || t.channel() == Channel.MONITORING) {
            return level;
        }
        BusinessTime office = BusinessTime.of(calendar.window(WindowKind.OFFICE_HOURS));
        if (office.isOpen(t.created())) {
            return level; // e-mailed inside office hours
        }
        rules.add(3);
        if (t.phoneReportedAt() == null) {
            return office; // no phone report (yet)
        }
        return BusinessTime.switching(office, t.phoneReportedAt(), level);
    }

    /** Due instant and breach of a start-work or restore clock, which pauses stop (R16). */
    private static Stopped pausedClock(
            BusinessTime time,
            Instant clockStart,
            @Nullable Duration target,
            @Nullable Instant event,
            List<Interval> closed,
            @Nullable Instant pausedSince,
            Instant now) {
        List<Interval> pauses = closed;
        if (pausedSince != null && event != null && pausedSince.isBefore(event)) {
            // the clock stopped during the pause: count the pause until the event
            pauses = new ArrayList<>(closed);
            pauses.add(new Interval(pausedSince, event));
        }
        if (target == null) {
            return new Stopped(null, false, pauses);
        }
        Instant due = time.add(clockStart, target, pauses);
        if (event != null) {
            return new Stopped(due, event.isAfter(due), pauses);
        }
        if (pausedSince != null) {
            // frozen: breached only if the target ran out before the pause began; due unknown
            return new Stopped(null, pausedSince.isAfter(due), pauses);
        }
        return new Stopped(due, now.isAfter(due), pauses);
    }

    private static boolean missed(@Nullable Instant event, Instant due, Instant now) {
        return event != null ? event.isAfter(due) : now.isAfter(due);
    }

    private record Stopped(@Nullable Instant due, boolean breached, List<Interval> pauses) {}
}
