package org.concordia.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.concordia.model.ParticipantCode;

/**
 * Remembers the nonces of accepted requests per sender for the replay window, so that the same
 * signed request is accepted once. A nonce is forgotten once its request's {@code created} time is
 * more than the window in the past: from then on the request is refused as stale anyway. At most
 * {@code capacity} nonces are held <em>per sender</em>; when a sender has that many current, its new
 * ones are refused ({@link Outcome#FULL}) rather than an unexpired nonce forgotten, which would let its
 * request be replayed. A quota per sender, so that one partner sending too fast (or a stolen key)
 * cannot lock the others out. Thread-safe.
 */
public final class ReplayGuard {
    /** Default capacity: five minutes of about 330 requests a second from one partner. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Duration window;
    private final int capacity;
    private final Map<Key, Instant> seen = new HashMap<>();
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>();
    private final Map<ParticipantCode, Integer> held = new HashMap<>();

    private record Key(ParticipantCode sender, String nonce) {}

    private record Expiry(Instant at, Key key) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry o) {
            return at.compareTo(o.at);
        }
    }

    /** What {@link #record} found. */
    public enum Outcome {
        /** Not seen within the window: recorded now. */
        FIRST_USE,
        /** Seen within the window: a replay. */
        REPLAYED,
        /** Not seen, but the guard is full of unexpired nonces: refused, not recorded. */
        FULL
    }

    public ReplayGuard(Duration window, int capacity) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || capacity < 1) {
            throw new IllegalArgumentException("the replay window and capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Records {@code nonce} from {@code sender}, created at {@code created}, unless it was seen.
     *
     * @param now the verifier's clock, which decides what is forgotten
     */
    public synchronized Outcome record(ParticipantCode sender, String nonce, Instant created, Instant now) {
        forgetBefore(now.minus(window));
        Key key = new Key(sender, nonce);
        if (seen.containsKey(key)) {
            return Outcome.REPLAYED;
        }
        if (held.getOrDefault(sender, 0) >= capacity) {
            return Outcome.FULL;
        }
        seen.put(key, created);
        held.merge(sender, 1, Integer::sum);
        expiries.add(new Expiry(created, key));
        return Outcome.FIRST_USE;
    }

    /** How many nonces are held. */
    public synchronized int size() {
        return seen.size();
    }

    private void forgetBefore(Instant horizon) {
        while (!expiries.isEmpty() && expiries.peek().at().isBefore(horizon)) {
            Expiry e = expiries.poll();
            if (seen.remove(e.key(), e.at())) {
                held.computeIfPresent(e.key().sender(), (k, n) -> n > 1 ? n - 1 : null);
            }
        }
    }
}
