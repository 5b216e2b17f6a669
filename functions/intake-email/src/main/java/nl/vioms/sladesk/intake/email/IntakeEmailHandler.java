package nl.vioms.sladesk.intake.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * SES receipt (SNS, message inline or in S3) -> MIME parsing -> ticket. Not built yet: it arrives with issue #4. Until then an invocation fails loudly (the
 * function's error alarm fires) instead of pretending to have done the work.
 */
public final class IntakeEmailHandler implements RequestHandler<com.amazonaws.services.lambda.runtime.events.SNSEvent, Void> {
    @Override
    public Void handleRequest(com.amazonaws.services.lambda.runtime.events.SNSEvent event, Context context) {
        throw new UnsupportedOperationException("intake-email is not implemented yet (issue #4)");
    }
}
