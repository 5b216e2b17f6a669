package nl.vioms.sladesk.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Schedule -> SIP OPTIONS, TCP and HTTP checks -> streaks -> outages (R20-R22). Not built yet: it arrives with issue #6. Until then an invocation fails loudly (the
 * function's error alarm fires) instead of pretending to have done the work.
 */
public final class ProbeHandler implements RequestHandler<java.util.Map<String, Object>, Void> {
    @Override
    public Void handleRequest(java.util.Map<String, Object> event, Context context) {
        throw new UnsupportedOperationException("probe is not implemented yet (issue #6)");
    }
}
