/**
 * The month-end record of one contract (R23-R26): availability per service, credit, ticket compliance and trends.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.monthend;

import org.jspecify.annotations.NullMarked;
