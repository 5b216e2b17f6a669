package nl.vioms.sladesk.slacheck;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the sla-check function answers: the due entries read, the tickets checked, the checkpoints recorded. */
public record SweepSummary(int dueEntriesRead, int tickets, int checkpointsRecorded) {
    static SweepSummary of(SlaSweep.Result result) {
        return new SweepSummary(result.entriesRead(), result.tickets(), result.checkpointsRecorded());
    }

    /** The JSON the function writes, without reflection (decision 17). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dueEntriesRead", dueEntriesRead);
        json.put("tickets", tickets);
        json.put("checkpointsRecorded", checkpointsRecorded);
        return json;
    }
}
