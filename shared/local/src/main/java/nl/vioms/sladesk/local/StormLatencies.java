package nl.vioms.sladesk.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Intake latencies of the storm per channel, and their percentiles (nearest rank). */
final class StormLatencies {
    private final Map<StormPlan.Channel, List<Long>> millis = new EnumMap<>(StormPlan.Channel.class);

    synchronized void add(StormPlan.Channel channel, Duration took) {
        millis.computeIfAbsent(channel, c -> new ArrayList<>()).add(took.toMillis());
    }

    /** p50 and p99 in milliseconds and how many were timed; empty when none were. */
    synchronized Map<String, Object> percentiles(StormPlan.Channel channel) {
        List<Long> sorted = new ArrayList<>(millis.getOrDefault(channel, List.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", sorted.size());
        if (sorted.isEmpty()) {
            return out;
        }
        sorted.sort(null);
        out.put("p50", nearestRank(sorted, 50));
        out.put("p99", nearestRank(sorted, 99));
        out.put("max", sorted.get(sorted.size() - 1));
        return out;
    }

    /** The smallest value with at least {@code percent} % of the values at or below it. */
    static long nearestRank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
