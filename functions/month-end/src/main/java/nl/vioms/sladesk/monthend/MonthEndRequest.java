package nl.vioms.sladesk.monthend;

import java.util.Map;

/**
 * The month-end event: {@code {"month": "2026-11"}} from ./sladesk month-end, or the schedule's
 * event, whose month is absent (then the month just closed runs). Other members are ignored.
 *
 * @param month the month as given (any JSON value as text), or null
 */
public record MonthEndRequest(String month) {
    /** From the event's JSON object (an empty payload is an empty object). */
    public static MonthEndRequest from(Map<String, Object> event) {
        Object month = event == null ? null : event.get("month");
        return new MonthEndRequest(month == null ? null : month.toString());
    }
}
