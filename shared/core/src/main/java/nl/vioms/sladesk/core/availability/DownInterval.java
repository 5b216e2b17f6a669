package nl.vioms.sladesk.core.availability;

import nl.vioms.sladesk.core.time.Interval;

/** A span counted as down (R23): outage time outside every exclusion. */
public record DownInterval(Interval interval, Observed observed) {}
