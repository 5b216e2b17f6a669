package nl.vioms.sladesk.monthend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Month-end: availability, KPI compliance, credits and reports (R23-R26). Not built yet: it arrives with issue #7. Until then an invocation fails loudly (the
 * function's error alarm fires) instead of pretending to have done the work.
 */
public final class MonthEndHandler implements RequestHandler<java.util.Map<String, Object>, Void> {
    @Override
    public Void handleRequest(java.util.Map<String, Object> event, Context context) {
        throw new UnsupportedOperationException("month-end is not implemented yet (issue #7)");
    }
}
