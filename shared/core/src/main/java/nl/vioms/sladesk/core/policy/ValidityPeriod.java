package nl.vioms.sladesk.core.policy;

import java.time.LocalDate;

/**
 * The dates on which a policy applies (R24): {@code validFrom} inclusive, {@code validTo}
 * exclusive, or open-ended when {@code validTo} is null. Consistency (validTo after validFrom) is
 * checked by {@link PolicyValidation}, so an invalid period can still be reported.
 */
public record ValidityPeriod(LocalDate validFrom, LocalDate validTo) {

    public static ValidityPeriod from(LocalDate validFrom) {
        return new ValidityPeriod(validFrom, null);
    }

    public boolean contains(LocalDate date) {
        return validFrom != null && !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    /** True when some date lies in both periods (both must have a validFrom). */
    public boolean overlaps(ValidityPeriod other) {
        boolean thisStartsBeforeOtherEnds = other.validTo == null || validFrom.isBefore(other.validTo);
        boolean otherStartsBeforeThisEnds = validTo == null || other.validFrom.isBefore(validTo);
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    @Override
    public String toString() {
        return "[" + validFrom + ", " + (validTo == null ? "open" : validTo.toString()) + ")";
    }
}
