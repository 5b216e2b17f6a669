/**
 * Intervals of instants and their set operations, and the Amsterdam zone at the edges.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.time;

import org.jspecify.annotations.NullMarked;
