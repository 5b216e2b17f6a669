package nl.vioms.sladesk.monthend;

import java.util.function.Function;

/**
 * The names the reports show where the records hold ids (issue 20 item 8): a reseller's name by
 * its id, a monitored service's name by its key. Either falls back to the id when the directory
 * or the monitoring record has no name.
 */
record ReportNames(Function<String, String> resellers, Function<String, String> sources) {
    /** Ids as they are. */
    static final ReportNames IDS = new ReportNames(id -> id, key -> key);

    String reseller(String id) {
        return nameOr(resellers, id);
    }

    String source(String key) {
        return nameOr(sources, key);
    }

    private static String nameOr(Function<String, String> names, String id) {
        if (id == null) {
            return null;
        }
        String name = names.apply(id);
        return name == null || name.isBlank() ? id : name;
    }
}
