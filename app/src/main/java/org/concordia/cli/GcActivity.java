package org.concordia.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections of the JVM while a benchmark measures, from the collectors' notifications
 * ({@code com.sun.management.GarbageCollectionNotificationInfo}): pauses, and concurrent cycles with
 * their causes (G1 starts one to mark the whole heap when the old generation fills, or when the JIT's
 * code cache has grown since the last collection), so that a report says whether its tail met one.
 * With G1 the young collections ({@code G1 Young Generation}) carry the cause that started a
 * concurrent cycle ({@code CodeCache GC Threshold}, {@code G1 Humongous Allocation}...); the cycle's own
 * remark and cleanup pauses come as {@code G1 Concurrent GC} with the cause {@code No GC}.
 */
final class GcActivity implements AutoCloseable {
    /** One collection: the collector's name (G1 Young Generation, G1 Concurrent GC...), its cause and duration. */
    record Event(String collector, String cause, long millis) {}

    private final List<Event> events = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::record;

    private GcActivity() {}

    /** Records collections from now until {@link #close}. */
    static GcActivity start() {
        GcActivity a = new GcActivity();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(a.listener, null, null);
                a.emitters.add(e);
            }
        }
        return a;
    }

    private void record(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            synchronized (events) {
                events.add(new Event(
                        info.getGcName(), info.getGcCause(), info.getGcInfo().getDuration()));
            }
        }
    }

    /** The collections recorded so far. */
    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /**
     * One line per collector: how many collections, the longest and their total, and by cause; for
     * example {@code G1 Young Generation: 4, longest 43 ms, total 120 ms (G1 Evacuation Pause 4)}.
     */
    static List<String> summary(List<Event> events) {
        Map<String, List<Event>> byCollector = new TreeMap<>();
        for (Event e : events) {
            byCollector.computeIfAbsent(e.collector(), k -> new ArrayList<>()).add(e);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Event>> c : byCollector.entrySet()) {
            long longest = 0;
            long total = 0;
            Map<String, Integer> causes = new TreeMap<>();
            for (Event e : c.getValue()) {
                longest = Math.max(longest, e.millis());
                total += e.millis();
                causes.merge(e.cause(), 1, Integer::sum);
            }
            StringBuilder b = new StringBuilder();
            causes.forEach((cause, n) ->
                    b.append(b.isEmpty() ? "" : ", ").append(cause).append(' ').append(n));
            out.add(String.format(
                    "%s: %d, longest %d ms, total %d ms (%s)",
                    c.getKey(), c.getValue().size(), longest, total, b));
        }
        return out;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // never added: nothing to remove
            }
        }
    }
}
