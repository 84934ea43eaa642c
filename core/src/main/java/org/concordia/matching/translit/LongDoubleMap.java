package org.concordia.matching.translit;

import java.util.Arrays;

/** An open-addressing hash map from {@code long} to {@code double}, without boxing. Not thread-safe while written. */
final class LongDoubleMap {
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys;
    private double[] values;
    private int size;
    private int mask;

    LongDoubleMap() {
        this(16);
    }

    LongDoubleMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        Arrays.fill(keys, FREE);
        values = new double[cap];
        mask = cap - 1;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    private int slot(long key) {
        int i = hash(key) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    double get(long key, double absent) {
        int i = hash(key) & mask;
        long k;
        while ((k = keys[i]) != FREE) {
            if (k == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return absent;
    }

    boolean contains(long key) {
        return keys[slot(key)] == key;
    }

    void put(long key, double value) {
        int i = slot(key);
        if (keys[i] == FREE) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                values[i] = value;
                grow();
                return;
            }
        }
        values[i] = value;
    }

    void add(long key, double delta) {
        int i = slot(key);
        if (keys[i] == FREE) {
            keys[i] = key;
            values[i] = delta;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else {
            values[i] += delta;
        }
    }

    int size() {
        return size;
    }

    /** Calls {@code action} for every entry, in no particular order. */
    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        values = new double[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    @FunctionalInterface
    interface Entry {
        void accept(long key, double value);
    }
}
