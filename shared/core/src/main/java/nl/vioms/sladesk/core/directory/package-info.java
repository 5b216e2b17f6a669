/**
 * Who reports: resellers, customers with their services and contracts, API tokens, phone numbers in E.164.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 */
@NullMarked
package nl.vioms.sladesk.core.directory;

import org.jspecify.annotations.NullMarked;
