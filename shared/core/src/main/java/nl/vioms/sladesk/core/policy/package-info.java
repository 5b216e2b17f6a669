/**
 * The SLA policy as data (R5, R14, R15, R24, R25), read from JSON and validated.
 *
 * <p>Null is never a value here unless a type says {@code @Nullable} (JSpecify, decision 14).
 *
 * <p>The policy records ({@link SlaPolicy} and the records it holds) are complete in every
 * policy of a {@link PolicySet}, which cannot exist with an error. Only while a file is converted
 * and checked ({@code PolicyConverter}, {@link PolicyValidation}) may a value that was missing or
 * did not parse be null, so that one run reports every error of the file; validation reads the
 * records defensively for that reason. That is a stated contract, not annotated on each component.
 * Where null has a meaning it is marked: a target of {@link Targets} is best effort (R14).
 */
@NullMarked
package nl.vioms.sladesk.core.policy;

import org.jspecify.annotations.NullMarked;
