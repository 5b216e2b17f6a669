package nl.vioms.sladesk.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the probe function answers, and logs at the end of a round: the round's instant, the
 * targets checked, how many were up, degraded and failed, the effects (notifications, outages,
 * incidents) and the streaks another run wrote first.
 */
public record RoundSummary(String at, int targets, long up, long degraded, long failed, int effects, int conflicts) {
    /** The JSON the function writes and the round's log line carries, without reflection (decision 17). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", at);
        json.put("targets", targets);
        json.put("up", up);
        json.put("degraded", degraded);
        json.put("failed", failed);
        json.put("effects", effects);
        json.put("conflicts", conflicts);
        return json;
    }
}
