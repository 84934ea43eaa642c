package org.concordia.node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits password guessing against local accounts: after {@value #LIMIT} failed sign-ins under one
 * account name within {@link #WINDOW_NANOS 15 minutes}, further attempts under that name are refused
 * without checking the password until the oldest failure leaves the window (the rate-limiting that
 * NIST SP 800-63B section 5.2.2 asks of a verifier: at most 100 failures in a row). Names that do not
 * exist are counted like the others, so the answer does not tell which exist. A successful sign-in
 * clears the name's failures. At most {@value #NAMES} names are tracked (forgotten all at once when
 * full). Thread-safe.
 */
final class SignInThrottle {
    /** Failed sign-ins allowed per account name within the window. */
    static final int LIMIT = 5;
    /** The window: fifteen minutes. */
    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;

    static final int NAMES = 10_000;

    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    SignInThrottle() {
        this(System::nanoTime);
    }

    /** Seconds until {@code name} may try again; 0 when it may now. */
    synchronized long waitSeconds(String name) {
        Deque<Long> f = failures.get(key(name));
        if (f == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        while (!f.isEmpty() && now - f.peekFirst() >= WINDOW_NANOS) {
            f.removeFirst();
        }
        if (f.size() < LIMIT) {
            return 0;
        }
        return Math.max(1, (WINDOW_NANOS - (now - f.peekFirst()) + 999_999_999) / 1_000_000_000);
    }

    synchronized void failed(String name) {
        if (failures.size() >= NAMES && !failures.containsKey(key(name))) {
            failures.clear();
        }
        Deque<Long> f = failures.computeIfAbsent(key(name), k -> new ArrayDeque<>());
        f.addLast(nanoTime.getAsLong());
        while (f.size() > LIMIT) {
            f.removeFirst();
        }
    }

    synchronized void succeeded(String name) {
        failures.remove(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
