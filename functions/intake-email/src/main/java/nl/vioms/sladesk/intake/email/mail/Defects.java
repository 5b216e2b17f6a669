package nl.vioms.sladesk.intake.email.mail;

import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;

/** Collects what was repaired, capped so a pathological message cannot flood the logs. */
final class Defects {
    private static final int MAX_DEFECTS = 20;

    final List<String> list = new ArrayList<>();

    void add(String defect) {
        if (list.size() < MAX_DEFECTS && !list.contains(defect)) {
            list.add(defect);
        }
    }

    /** mime4j's decoding warnings as defects. */
    DecodeMonitor monitor() {
        return new DecodeMonitor() {
            @Override
            public boolean warn(String error, String dropDesc) {
                // bare LF line ends are how most stored mail looks: not worth a note
                if (error != null && !error.contains("LF without CR") && !error.contains("soft line break")) {
                    add(dropDesc == null ? error : error + " (" + dropDesc + ")");
                }
                return false; // keep going
            }

            @Override
            public boolean isListening() {
                return true;
            }
        };
    }
}
