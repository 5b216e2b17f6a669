package nl.vioms.sladesk.emulators;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda context of one invocation outside Lambda (the local runtime, tests): its request id,
 * the function's name, and the time left of its Timeout.
 */
public final class LambdaContext implements Context {
    private final String functionId;
    private final String requestId;
    private final long deadline;
    private final int memoryMb;

    /** A new invocation with a random request id, as Lambda gives each one. */
    public LambdaContext(String functionId, Duration timeout, int memoryMb) {
        this(UUID.randomUUID().toString(), functionId, timeout, memoryMb);
    }

    public LambdaContext(String requestId, String functionId, Duration timeout, int memoryMb) {
        this.requestId = requestId;
        this.functionId = functionId;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.memoryMb = memoryMb;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionId;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionId;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-central-1:000000000000:function:" + functionId;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
