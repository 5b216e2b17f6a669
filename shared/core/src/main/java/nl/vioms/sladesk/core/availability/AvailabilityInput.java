package nl.vioms.sladesk.core.availability;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * Everything one month's availability is computed from (R18-R23). Intervals may overlap each
 * other and cross the month's boundaries; the calculator clips and merges them.
 *
 * @param month       calendar month in Europe/Amsterdam
 * @param outages     monitored outages (R20: first failed test to first passing test)
 * @param planned     announced maintenance windows (R19)
 * @param emergency   emergency maintenance windows (R19)
 * @param exclusions  other exclusions: force majeure, customer-caused, blocked accounts... (R18)
 * @param unknown     spans in which monitoring did not run (R20)
 * @param deliveredFrom the contract's start inside the month (R18: no SLA before delivery): the
 *                    month is then measured from it; null for the whole month
 */
public record AvailabilityInput(
        YearMonth month,
        List<Interval> outages,
        List<PlannedMaintenance> planned,
        List<EmergencyMaintenance> emergency,
        List<Exclusion> exclusions,
        List<Interval> unknown,
        @Nullable Instant deliveredFrom) {

    /** A whole month. */
    public AvailabilityInput(
            YearMonth month,
            List<Interval> outages,
            List<PlannedMaintenance> planned,
            List<EmergencyMaintenance> emergency,
            List<Exclusion> exclusions,
            List<Interval> unknown) {
        this(month, outages, planned, emergency, exclusions, unknown, null);
    }

    public AvailabilityInput {
        Objects.requireNonNull(month, "month");
        outages = List.copyOf(outages);
        planned = List.copyOf(planned);
        emergency = List.copyOf(emergency);
        exclusions = List.copyOf(exclusions);
        unknown = List.copyOf(unknown);
    }

    public static Builder forMonth(YearMonth month) {
        return new Builder(month);
    }

    /** Collects the input of one month. */
    public static final class Builder {
        private final YearMonth month;
        private final List<Interval> outages = new ArrayList<>();
        private final List<PlannedMaintenance> planned = new ArrayList<>();
        private final List<EmergencyMaintenance> emergency = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();
        private final List<Interval> unknown = new ArrayList<>();
        private @Nullable Instant deliveredFrom;

        private Builder(YearMonth month) {
            this.month = month;
        }

        public Builder outage(Interval outage) {
            outages.add(outage);
            return this;
        }

        public Builder planned(PlannedMaintenance window) {
            planned.add(window);
            return this;
        }

        public Builder emergency(EmergencyMaintenance window) {
            emergency.add(window);
            return this;
        }

        public Builder exclusion(Exclusion exclusion) {
            exclusions.add(exclusion);
            return this;
        }

        public Builder unknown(Interval gap) {
            unknown.add(gap);
            return this;
        }

        /** R18: measure the month from the contract's start (ignored when it is not inside the month). */
        public Builder deliveredFrom(@Nullable Instant start) {
            deliveredFrom = start;
            return this;
        }

        public AvailabilityInput build() {
            return new AvailabilityInput(month, outages, planned, emergency, exclusions, unknown, deliveredFrom);
        }
    }
}
