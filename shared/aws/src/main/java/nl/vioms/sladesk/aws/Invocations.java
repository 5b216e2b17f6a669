package nl.vioms.sladesk.aws;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.LogContext;

/**
 * The invocations of one handler instance (one per execution environment on Lambda, one per
 * function in the local runtime): each runs with a {@link LogContext} of its request id, function,
 * whether it is the cold start and the X-Ray trace id, and an invocation that fails is logged once,
 * with its stack trace, before Lambda sees the error. {@code context} may be null (tests, SnapStart
 * priming): the request id is then null and the function is the environment's.
 */
public final class Invocations {
    /** Set per invocation by Lambda's Java runtime. */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final Environment env;
    private final AtomicBoolean first = new AtomicBoolean(true);

    public Invocations(Environment env) {
        this.env = env;
    }

    /** The body of a stream handler's {@code handleRequest}. */
    @FunctionalInterface
    public interface Body {
        void run() throws IOException;
    }

    /** Runs one invocation's body with its log context; a failure is logged once and thrown on. */
    public void handle(Context context, Body body) throws IOException {
        LogContext.Scope scope = begin(context);
        try {
            body.run();
        } catch (IOException | RuntimeException | Error e) {
            if (!Log.logged(e)) {
                Log.error("invocation.failed", Map.of(), e);
            }
            throw e;
        } finally {
            scope.close();
        }
    }

    /** The log context of one invocation, until the scope is closed. */
    public LogContext.Scope begin(Context context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context == null ? null : context.getAwsRequestId());
        String function = context == null ? null : context.getFunctionName();
        fields.put("function", function != null ? function : env.functionName());
        fields.put("coldStart", first.getAndSet(false));
        fields.put("traceId", traceId(System.getProperty(TRACE_PROPERTY), env.traceHeader()));
        return LogContext.open(fields);
    }

    /**
     * After a SnapStart restore the next invocation is a cold start again (priming before the
     * snapshot ran through the handler).
     */
    public void coldStartAgain() {
        first.set(true);
    }

    /** The Root of an X-Ray trace header ("Root=1-...;Parent=...;Sampled=1"), or the header as it is. */
    static String traceId(String property, String environment) {
        String header = property != null && !property.isBlank() ? property : environment;
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return header;
    }
}
