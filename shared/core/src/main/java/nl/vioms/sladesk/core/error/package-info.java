/**
 * The refusals of SLA Desk's rules: invalid input, a conflict with the state, not found
 * (decision 16). Their messages are written for the caller.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.error;

import org.jspecify.annotations.NullMarked;
