/**
 * Clock checkpoints of open tickets (R12-R14, R16) and who hears of them, and when (R17).
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.watch;

import org.jspecify.annotations.NullMarked;
