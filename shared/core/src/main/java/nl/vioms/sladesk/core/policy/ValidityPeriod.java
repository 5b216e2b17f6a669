package nl.vioms.sladesk.core.policy;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dates on which a policy applies (R24): {@code validFrom} inclusive, {@code validTo}
 * exclusive, or open-ended when {@code validTo} is {@link #OPEN} ({@link LocalDate#MAX}; the policy
 * file leaves the end out). Consistency (validTo after validFrom) is checked by
 * {@link PolicyValidation}, so an invalid period can still be reported; for the same reason
 * {@code validFrom} is null in a period whose start is missing from the file.
 */
public record ValidityPeriod(@Nullable LocalDate validFrom, LocalDate validTo) {

    /** The end of an open-ended period: no date is after it. */
    public static final LocalDate OPEN = LocalDate.MAX;

    public ValidityPeriod {
        Objects.requireNonNull(validTo, "validTo (ValidityPeriod.OPEN for an open end)");
    }

    /** An open-ended period. */
    public static ValidityPeriod from(LocalDate validFrom) {
        return new ValidityPeriod(validFrom, OPEN);
    }

    /** True when the period has no end. */
    public boolean isOpenEnded() {
        return validTo.equals(OPEN);
    }

    public boolean contains(LocalDate date) {
        return validFrom != null && !date.isBefore(validFrom) && (isOpenEnded() || date.isBefore(validTo));
    }

    /** True when some date lies in both periods (both must have a validFrom). */
    public boolean overlaps(ValidityPeriod other) {
        boolean thisStartsBeforeOtherEnds = other.isOpenEnded() || start().isBefore(other.validTo);
        boolean otherStartsBeforeThisEnds = isOpenEnded() || other.start().isBefore(validTo);
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    private LocalDate start() {
        return Objects.requireNonNull(validFrom, "validFrom");
    }

    @Override
    public String toString() {
        return "[" + validFrom + ", " + (isOpenEnded() ? "open" : validTo.toString()) + ")";
    }
}
