package nl.vioms.sladesk.core.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import nl.vioms.sladesk.core.calendar.ServiceWindow;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.clock.BusinessTime;
import nl.vioms.sladesk.core.policy.WindowKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deadline computations per second: an 8-office-hour restore target (R5, R6) from starts spread
 * over Christmas week 2026 (holidays 25 and 26 December, a weekend), by {@link BusinessTime} and
 * by a naive baseline that steps one minute at a time. Run through {@link BenchmarkMain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineBenchmark {

    static final Duration TARGET = Duration.ofHours(8);
    static final int STARTS = 7 * 24 * 6; // every 10 minutes of the week
    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime CLOSE = LocalTime.of(17, 30);

    private WorkingDays calendar;
    private BusinessTime office;
    private Instant[] starts;
    private int next;

    @Setup
    public void setUp() {
        calendar = WorkingDays.dutchDefault();
        office = BusinessTime.of(calendar.window(WindowKind.OFFICE_HOURS));
        starts = starts();
    }

    /** Mon 21 Dec 2026 00:00 to Sun 27 Dec 23:50, every 10 minutes (whole minutes suit the baseline). */
    static Instant[] starts() {
        Instant weekStart = OffsetDateTime.parse("2026-12-21T00:00+01:00").toInstant();
        Instant[] all = new Instant[STARTS];
        for (int i = 0; i < STARTS; i++) {
            all[i] = weekStart.plusSeconds(i * 600L);
        }
        return all;
    }

    private Instant nextStart() {
        Instant s = starts[next];
        next = next + 1 == STARTS ? 0 : next + 1;
        return s;
    }

    @Benchmark
    public Instant businessTime() {
        return office.add(nextStart(), TARGET);
    }

    @Benchmark
    public Instant naiveMinuteStepping() {
        return naiveAdd(calendar, nextStart(), TARGET);
    }

    /**
     * The baseline: walk minute by minute, asking of each minute whether office hours are open
     * (Amsterdam wall clock, working day, 09:00-17:30), until the target's minutes are counted.
     */
    static Instant naiveAdd(WorkingDays calendar, Instant from, Duration amount) {
        long minutes = amount.toMinutes();
        Instant t = from;
        while (minutes > 0) {
            ZonedDateTime local = t.atZone(ServiceWindow.AMSTERDAM);
            LocalTime time = local.toLocalTime();
            if (calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(OPEN) && time.isBefore(CLOSE)) {
                minutes--;
            }
            t = t.plusSeconds(60);
        }
        return t;
    }
}
