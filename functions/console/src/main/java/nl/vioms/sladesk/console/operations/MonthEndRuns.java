package nl.vioms.sladesk.console.operations;

import java.time.YearMonth;

/** Starts month-end for a closed month again (the month-end function, as the schedule and the CLI run it). */
@FunctionalInterface
public interface MonthEndRuns {
    /** Asks for the run and returns at once; the run reports through the outbox as ever. */
    void start(YearMonth month);
}
