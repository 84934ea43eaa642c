package org.concordia.node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits password guessing against local accounts: at most {@value #LIMIT} failed sign-ins under one
 * account name within {@link #WINDOW_NANOS 15 minutes}; further attempts under that name are refused
 * without checking the password until the oldest failure leaves the window (the rate limiting that NIST
 * SP 800-63B section 5.2.2 asks of a verifier). An attempt is reserved before its password is checked
 * ({@link #tryBegin}) and settled after ({@link #end}), so parallel requests cannot slip past the limit
 * while their checks run. Names that do not exist are counted like the others, so the answer does not
 * tell which exist. A successful sign-in clears the name's failures. At most {@value #NAMES} names are
 * tracked: when full, names whose failures have all expired go first, then the one touched longest
 * ago (evicting a name then takes {@value #NAMES} failed sign-ins, each an Argon2 check). Thread-safe.
 */
final class SignInThrottle {
    /** Failed (or unsettled) sign-ins allowed per account name within the window. */
    static final int LIMIT = 5;
    /** The window: fifteen minutes. */
    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;

    static final int NAMES = 100_000;

    private final LongSupplier nanoTime;
    /** Per name, in order of last use: the times of its failures within the window and its attempts in flight. */
    private final LinkedHashMap<String, State> states = new LinkedHashMap<>(16, 0.75f, true);

    private static final class State {
        final Deque<Long> failures = new ArrayDeque<>();
        int inFlight;
    }

    SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    SignInThrottle() {
        this(System::nanoTime);
    }

    /** Reserves an attempt for {@code name}; false when the name is at its limit (nothing reserved). */
    synchronized boolean tryBegin(String name) {
        State s = state(key(name), true);
        expire(s, nanoTime.getAsLong());
        if (s.failures.size() + s.inFlight >= LIMIT) {
            return false;
        }
        s.inFlight++;
        return true;
    }

    /**
     * Like {@link #tryBegin}, but when the name is at its limit only because of attempts still in flight
     * (not because of failures), waits up to {@code timeoutNanos} for them to settle: a burst of parallel
     * requests with the right password is not refused for being a burst.
     */
    synchronized boolean begin(String name, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos; // real time: the wait is real
        while (true) {
            if (tryBegin(name)) {
                return true;
            }
            State s = state(key(name), false);
            long left = deadline - System.nanoTime();
            if (s == null || s.failures.size() >= LIMIT || left <= 0 || waiting >= MAX_WAITING) {
                return false; // at most MAX_WAITING requests parked, so guesses cannot hold every thread
            }
            waiting++;
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            } finally {
                waiting--;
            }
        }
    }

    /** Requests parked in {@link #begin} at most, over all names. */
    static final int MAX_WAITING = 32;

    private int waiting;

    /** Settles an attempt {@link #tryBegin} reserved: a failure is counted, a success clears the name. */
    synchronized void end(String name, boolean succeeded) {
        String key = key(name);
        State s = state(key, true);
        s.inFlight = Math.max(0, s.inFlight - 1);
        if (succeeded) {
            s.failures.clear();
        } else {
            s.failures.addLast(nanoTime.getAsLong());
            while (s.failures.size() > LIMIT) {
                s.failures.removeFirst();
            }
        }
        if (s.failures.isEmpty() && s.inFlight == 0) {
            states.remove(key);
        }
        notifyAll();
    }

    /** Seconds until {@code name} may try again; 0 when it may now. */
    synchronized long waitSeconds(String name) {
        State s = state(key(name), false);
        if (s == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        expire(s, now);
        if (s.failures.size() + s.inFlight < LIMIT) {
            return 0;
        }
        if (s.failures.isEmpty()) {
            return 1; // only attempts in flight: try again in a moment
        }
        return Math.max(1, (WINDOW_NANOS - (now - s.failures.peekFirst()) + 999_999_999) / 1_000_000_000);
    }

    private State state(String key, boolean create) {
        State s = states.get(key);
        if (s != null || !create) {
            return s;
        }
        if (states.size() >= NAMES) {
            makeRoom();
        }
        s = new State();
        states.put(key, s);
        return s;
    }

    /** Drops names whose failures have expired (none in flight); if none has, the one touched longest ago. */
    private void makeRoom() {
        long now = nanoTime.getAsLong();
        for (Iterator<Map.Entry<String, State>> it = states.entrySet().iterator(); it.hasNext(); ) {
            State s = it.next().getValue();
            expire(s, now);
            if (s.failures.isEmpty() && s.inFlight == 0) {
                it.remove();
            }
        }
        if (states.size() >= NAMES) {
            Iterator<String> eldest = states.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private static void expire(State s, long now) {
        while (!s.failures.isEmpty() && now - s.failures.peekFirst() >= WINDOW_NANOS) {
            s.failures.removeFirst();
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
