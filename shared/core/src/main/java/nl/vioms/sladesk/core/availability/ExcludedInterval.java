package nl.vioms.sladesk.core.availability;

import nl.vioms.sladesk.core.time.Interval;

/**
 * Outage time forgiven by an exclusion (R18, R19, R23). When exclusions overlap, the time is
 * attributed once, to the first of: regular service window, planned maintenance, excluded
 * emergency maintenance, other exclusions in input order.
 *
 * @param reason the exclusion's recorded reason
 * @param ruleId the rule that forgives it
 */
public record ExcludedInterval(
        Interval interval, Observed observed, ExclusionKind kind, String reason, String ruleId) {}
