package org.concordia.matching.translit;

import java.util.Arrays;

/** An open-addressing hash map from {@code long} to {@code int}, without boxing. Not thread-safe while written. */
final class LongIntMap {
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap() {
        this(16);
    }

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        Arrays.fill(keys, FREE);
        values = new int[cap];
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

    int get(long key, int absent) {
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

    void put(long key, int value) {
        int i = slot(key);
        values[i] = value;
        if (keys[i] == FREE) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
    }

    void clear() {
        Arrays.fill(keys, FREE);
        size = 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
