package org.concordia.matching.translit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Compact binary form of the model tables: keys sorted and delta-coded as variable-length integers, probabilities as
 * 16-bit quantised log-probabilities.
 */
final class ModelIo {
    private ModelIo() {}

    static void writeMap(DataOutputStream out, LongDoubleMap map) throws IOException {
        long[] keys = new long[map.size()];
        int[] n = {0};
        map.forEach((k, v) -> keys[n[0]++] = k);
        Arrays.sort(keys);
        out.writeInt(keys.length);
        long prev = 0;
        for (long k : keys) {
            writeVarLong(out, k - prev);
            prev = k;
        }
        for (long k : keys) {
            out.writeChar(quantize(map.get(k, 0)));
        }
    }

    static LongDoubleMap readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        long[] keys = new long[size];
        long prev = 0;
        for (int i = 0; i < size; i++) {
            prev += readVarLong(in);
            keys[i] = prev;
        }
        LongDoubleMap map = new LongDoubleMap(size);
        for (int i = 0; i < size; i++) {
            map.put(keys[i], dequantize(in.readChar()));
        }
        return map;
    }

    /** A probability in (0, 1] as its negative natural log in steps of 1/256, in 16 bits (error below 0.2 %). */
    static char quantize(double p) {
        double q = Math.rint(-Math.log(p) * 256);
        return (char) Math.max(0, Math.min(65535, q));
    }

    static double dequantize(char q) {
        return Math.exp(-q / 256.0);
    }

    static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return v;
    }
}
