package nl.vioms.sladesk.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;

/**
 * The demo's scenes (what happens at a moment of the month) and its busy stretches: around each
 * scene, and each coming deadline of an open ticket, the clock goes minute by minute; elsewhere
 * the demo may jump.
 */
final class DemoScenes {
    static final Duration LEAD = Duration.ofMinutes(6);
    static final Duration AFTER = Duration.ofMinutes(15);

    /** Something that happens at a moment of the month; scenes at the same moment play in the order added. */
    record Scene(Instant at, long order, String title, Runnable action) {}

    private final PriorityQueue<Scene> scenes =
            new PriorityQueue<>(Comparator.comparing(Scene::at).thenComparing(Scene::order));
    private final List<Interval> busy = new ArrayList<>();
    private final List<Runnable> afterDrain = new ArrayList<>();
    private long order;

    void add(Instant at, String title, Runnable action) {
        scenes.add(new Scene(at, order++, title, action));
        busy(new Interval(at.minus(LEAD), at.plus(AFTER)));
    }

    /** A stretch where the clock goes minute by minute. */
    void busy(Interval stretch) {
        busy.add(stretch);
    }

    /** Runs after the runtime has drained what the current scene started (a mail's ticket exists then). */
    void afterDrain(Runnable action) {
        afterDrain.add(action);
    }

    /** When the next scene is, or null. */
    Instant next() {
        return scenes.isEmpty() ? null : scenes.peek().at();
    }

    /** Plays every scene due by the runtime's clock, each followed by a drain of the runtime. */
    void playDue(LocalRuntime runtime, PrintStream log) {
        while (!scenes.isEmpty() && !scenes.peek().at().isAfter(runtime.clock().instant())) {
            Scene scene = scenes.poll();
            log.println("== " + Amsterdam.iso(scene.at()) + " " + scene.title());
            try {
                scene.action().run();
            } catch (RuntimeException e) {
                log.println("   scene failed: " + e);
            }
            runtime.drain();
            List<Runnable> waiting = new ArrayList<>(afterDrain);
            afterDrain.clear();
            waiting.forEach(Runnable::run);
        }
    }

    boolean isBusy(Instant t) {
        for (Interval window : busy) {
            if (!t.isBefore(window.start()) && t.isBefore(window.end())) {
                return true;
            }
        }
        return false;
    }

    /** The start of the next busy stretch after {@code after}, or null. */
    Instant nextBusyStart(Instant after) {
        Instant next = null;
        for (Interval window : busy) {
            if (window.start().isAfter(after) && (next == null || window.start().isBefore(next))) {
                next = window.start();
            }
        }
        return next;
    }
}
