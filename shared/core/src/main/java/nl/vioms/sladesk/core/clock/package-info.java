/**
 * The SLA clocks of a ticket (R6-R17): business time, pauses and the due instants and breaches at any instant.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.clock;

import org.jspecify.annotations.NullMarked;
