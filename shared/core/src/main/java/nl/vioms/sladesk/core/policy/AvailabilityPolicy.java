package nl.vioms.sladesk.core.policy;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the monthly availability computation (R18-R20, R23).
 *
 * @param regularServiceWindows     recurring windows excluded from availability (R18)
 * @param minimumNotice             a planned window announced less than this before its start is
 *                                  emergency maintenance (R19: 24 h)
 * @param unknownCountsAsAvailable  R20: time in which monitoring did not run counts as available
 *                                  (true, default) or as down (false)
 */
public record AvailabilityPolicy(
        List<RegularServiceWindow> regularServiceWindows, Duration minimumNotice, boolean unknownCountsAsAvailable) {

    public AvailabilityPolicy {
        regularServiceWindows = regularServiceWindows == null ? List.of() : List.copyOf(regularServiceWindows);
    }
}
