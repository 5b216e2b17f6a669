/**
 * Monthly availability and service credits (R18-R20, R23, R25, R26): down, excluded and
 * unknown time, and the credit it gives.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.availability;

import org.jspecify.annotations.NullMarked;
