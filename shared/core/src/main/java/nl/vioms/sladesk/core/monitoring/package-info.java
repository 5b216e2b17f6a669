/**
 * Probe targets, check results, failure streaks and outages (R20-R22), and the maintenance
 * that suppresses notifications (R19).
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.monitoring;

import org.jspecify.annotations.NullMarked;
