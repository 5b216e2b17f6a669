package nl.vioms.sladesk.slacheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Schedule -> clocks due -> warnings, breaches, escalations (R12-R17). Not built yet: it arrives with issue #5. Until then an invocation fails loudly (the
 * function's error alarm fires) instead of pretending to have done the work.
 */
public final class SlaCheckHandler implements RequestHandler<java.util.Map<String, Object>, Void> {
    @Override
    public Void handleRequest(java.util.Map<String, Object> event, Context context) {
        throw new UnsupportedOperationException("sla-check is not implemented yet (issue #5)");
    }
}
