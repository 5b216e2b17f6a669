package nl.vioms.sladesk.coldstart.launcher;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, the way the Lambda Java runtime does it: load the handler class (static
 * initialisation), call its no-arg constructor, deserialise the event for the handler's input type
 * with the runtime's own serializers, invoke once. Then prints {@link #DONE} at once, so the
 * harness's clock stops there, and only afterwards measures itself (management beans, /proc) so
 * the measuring costs nothing that is timed.
 *
 * <p>Arguments: handler class (or {@code class::method}), event file, timeout in seconds.
 */
public final class Launcher {
    public static final String DONE = "COLDSTART-DONE";
    public static final String REPORT = "COLDSTART-REPORT";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0].contains("::") ? args[0].substring(0, args[0].indexOf("::")) : args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int timeoutSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;

        long constructed = -1;
        String outcome;
        try {
            ClassLoader loader = Launcher.class.getClassLoader();
            Class<?> type = Class.forName(handlerClass, true, loader);
            Object handler = type.getDeclaredConstructor().newInstance();
            constructed = System.currentTimeMillis();
            outcome = "ok " + describe(invoke(handler, event, loader, new LauncherContext(deadline)));
        } catch (Throwable e) {
            outcome = "failed " + rootCause(e);
            e.printStackTrace(); // stderr: the harness keeps it in target/coldstart/<function>.stderr
        }
        long returned = System.currentTimeMillis();
        System.out.println(DONE);
        System.out.flush();

        // measured after the marker: these lines cost nothing that is timed (the CPU time and
        // class count include their own few milliseconds and classes, the same in every run)
        long cpuMs =
                ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(
                REPORT + "\t" + (constructed < 0 ? -1 : constructed - jvmStart) + "\t" + (returned - jvmStart) + "\t"
                        + peakRssKb() + "\t" + cpuMs + "\t" + classes + "\t" + outcome.replaceAll("[\\r\\n\\t]+", " "));
        System.out.flush();
        System.exit(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object invoke(Object handler, byte[] event, ClassLoader loader, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler streamHandler) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamHandler.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        if (handler instanceof RequestHandler requestHandler) {
            Type input = inputType(handler.getClass());
            return requestHandler.handleRequest(deserialize(input, event, loader), context);
        }
        throw new IllegalArgumentException(
                handler.getClass().getName() + " is neither a RequestHandler nor a RequestStreamHandler");
    }

    /**
     * As the runtime does: Lambda's own event classes through their serializers (with the mix-ins
     * for their field names), anything else (maps, records, POJOs) through its Jackson factory.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object deserialize(Type input, byte[] event, ClassLoader loader) {
        if (input instanceof Class<?> type && LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor((Class) type, loader).fromJson(new ByteArrayInputStream(event));
        }
        return JacksonFactory.getInstance().getSerializer(input).fromJson(new ByteArrayInputStream(event));
    }

    /** The I of RequestHandler&lt;I, O&gt;, found on the class or a superclass. */
    private static Type inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[0];
                }
            }
        }
        return Object.class;
    }

    private static String describe(Object result) {
        String text = String.valueOf(result);
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    /** VmHWM: the most resident memory the process had, in KiB (Linux). */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return -1;
    }

    /** What the runtime hands a handler; nothing here does work at construction. */
    private static final class LauncherContext implements Context {
        private final long deadline;

        LauncherContext(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public String getAwsRequestId() {
            return "coldstart-request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/coldstart";
        }

        @Override
        public String getLogStreamName() {
            return "coldstart";
        }

        @Override
        public String getFunctionName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "coldstart");
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-central-1:000000000000:function:" + getFunctionName();
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
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));
        }

        @Override
        public LambdaLogger getLogger() {
            return StdoutLogger.INSTANCE;
        }
    }

    private enum StdoutLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    }
}
