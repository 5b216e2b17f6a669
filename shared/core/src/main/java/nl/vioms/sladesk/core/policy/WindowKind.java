package nl.vioms.sladesk.core.policy;

/** The service windows of R5/R6: when a level's clocks run. */
public enum WindowKind {
    /** 24x7, clock hours (A, HA). */
    ALWAYS,
    /** Every calendar day 12:00-21:00, holidays included (HS). */
    DAILY_12_TO_21,
    /** Office hours: working days 09:00-17:30 (N, B, HB). */
    OFFICE_HOURS,
    /** Office hours plus every Saturday and Sunday 12:00-20:00 (HN). */
    OFFICE_HOURS_AND_WEEKEND_12_TO_20
}
