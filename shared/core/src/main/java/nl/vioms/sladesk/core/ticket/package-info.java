/**
 * Tickets: intake of a report, priority proposal (R10), the history fold and the clocks of a ticket.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.ticket;

import org.jspecify.annotations.NullMarked;
