package nl.vioms.sladesk.slacheck;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * The month-end dead man's switch (issue 21, decision 19): month-end runs at 00:05 Amsterdam time
 * on the 1st; from 02:00 on the 1st until the end of the 3rd, each sweep looks for the run record
 * of the month just closed (Reports table, written when a run finished) and, while there is none,
 * emits {@code MonthEndOverdue} = 1, which MonthEndOverdueAlarm watches. It lives in sla-check
 * rather than in month-end because a switch must not depend on what it watches, and sla-check
 * runs every minute under its own switch. Once the record is found it is not read again.
 */
final class MonthEndWatch {
    /** Embedded metric: the month just closed has no finished month-end run past the deadline. */
    static final String OVERDUE = "MonthEndOverdue";

    /** The deadline on the 1st, Amsterdam time. */
    static final LocalTime DEADLINE = LocalTime.of(2, 0);

    /** Days of the month the switch keeps looking (and the alarm keeps firing) after the deadline. */
    static final int LAST_DAY = 3;

    private final Function<YearMonth, Optional<Instant>> finished;
    private volatile YearMonth confirmed;

    /** @param finished when month-end's run of a month finished, if it did */
    MonthEndWatch(Function<YearMonth, Optional<Instant>> finished) {
        this.finished = finished;
    }

    /** The month that should have been reported by now, if {@code now} is past the deadline and in the window. */
    static Optional<YearMonth> due(Instant now) {
        ZonedDateTime local = now.atZone(Amsterdam.ZONE);
        boolean inWindow = local.getDayOfMonth() <= LAST_DAY
                && (local.getDayOfMonth() > 1 || !local.toLocalTime().isBefore(DEADLINE));
        return inWindow ? Optional.of(YearMonth.from(local).minusMonths(1)) : Optional.empty();
    }

    /** @return whether month-end is overdue at {@code now} (and the metric line was written) */
    boolean check(Instant now) {
        Optional<YearMonth> month = due(now);
        if (month.isEmpty() || month.get().equals(confirmed)) {
            return false;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            if (finished.apply(month.get()).isPresent()) {
                confirmed = month.get();
                return false;
            }
        } catch (RuntimeException e) {
            // not confirmed is overdue: the alarm asks a person to look, the sweep goes on
            fields.put("error", String.valueOf(e));
        }
        fields.put("month", month.get().toString());
        Instant deadline = month.get()
                .plusMonths(1)
                .atDay(1)
                .atTime(DEADLINE)
                .atZone(Amsterdam.ZONE)
                .toInstant();
        fields.put("deadline", Amsterdam.iso(deadline));
        Log.error("month-end.overdue", EmbeddedMetric.count(OVERDUE).into(fields));
        return true;
    }
}
