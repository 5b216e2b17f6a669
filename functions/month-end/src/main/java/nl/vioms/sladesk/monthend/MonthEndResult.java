package nl.vioms.sladesk.monthend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the month-end function answers: the month, the contracts run, how many were new, changed
 * and unchanged, the total credit and the links to the reports.
 *
 * @param newContracts written as {@code new}, a Java keyword
 */
public record MonthEndResult(
        String month,
        int contracts,
        long newContracts,
        long changed,
        long unchanged,
        String totalCredit,
        Map<String, String> links) {
    static MonthEndResult of(MonthEnd.RunResult run) {
        return new MonthEndResult(
                run.month().toString(),
                run.contracts().size(),
                run.count(MonthEnd.Outcome.NEW),
                run.count(MonthEnd.Outcome.CHANGED),
                run.count(MonthEnd.Outcome.UNCHANGED),
                run.totalCredit().toPlainString(),
                run.links());
    }

    /** The JSON the function writes, without reflection (decision 17). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", month);
        json.put("contracts", contracts);
        json.put("new", newContracts);
        json.put("changed", changed);
        json.put("unchanged", unchanged);
        json.put("totalCredit", totalCredit);
        json.put("links", links);
        return json;
    }
}
