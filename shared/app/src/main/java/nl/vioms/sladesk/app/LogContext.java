package nl.vioms.sladesk.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The fields every log line of one invocation carries (request id, function, cold start, trace
 * id), per thread. A thread-local, not one static value: the local runtime runs several handlers
 * in one JVM, concurrently on different threads. Not inherited by new threads either: pool threads
 * outlive the invocation that started them, so work handed to a pool takes the context along with
 * {@link #carrying(Callable)}, captured when it is submitted.
 */
public final class LogContext {
    private static final ThreadLocal<Map<String, Object>> CURRENT = new ThreadLocal<>();

    private LogContext() {}

    /** The current thread's fields; empty outside an invocation. */
    public static Map<String, Object> current() {
        Map<String, Object> fields = CURRENT.get();
        return fields == null ? Map.of() : fields;
    }

    /**
     * Sets the current thread's fields (null values allowed) until the scope is closed, which puts
     * back the ones before it.
     */
    public static Scope open(Map<String, Object> fields) {
        Map<String, Object> previous = CURRENT.get();
        CURRENT.set(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        return new Scope(previous);
    }

    /** The task, run with the fields of the thread that calls this (the submitting thread). */
    public static <T> Callable<T> carrying(Callable<T> task) {
        Map<String, Object> captured = CURRENT.get();
        return new Carried<>(captured, task);
    }

    private static void set(Map<String, Object> fields) {
        if (fields == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(fields);
        }
    }

    /** The fields of one invocation on one thread; closing it puts back the ones before. */
    public static final class Scope implements AutoCloseable {
        private final Map<String, Object> previous;

        private Scope(Map<String, Object> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            set(previous);
        }
    }

    /** A named class, not a lambda: no method-handle bootstrap on a cold start's path. */
    private static final class Carried<T> implements Callable<T> {
        private final Map<String, Object> fields;
        private final Callable<T> task;

        Carried(Map<String, Object> fields, Callable<T> task) {
            this.fields = fields;
            this.task = task;
        }

        @Override
        public T call() throws Exception {
            Map<String, Object> previous = CURRENT.get();
            set(fields);
            try {
                return task.call();
            } finally {
                set(previous);
            }
        }
    }
}
