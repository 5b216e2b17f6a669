/**
 * Dutch working days and holidays (R3) and the service windows the SLA clocks run in (R5, R6).
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.calendar;

import org.jspecify.annotations.NullMarked;
