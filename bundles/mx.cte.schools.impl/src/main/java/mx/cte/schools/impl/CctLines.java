package mx.cte.schools.impl;

import mx.cte.schools.api.Cct;

/**
 * The line where each CCT of a catalogue first appeared, in two primitive arrays (open addressing): about 24 bytes a
 * school instead of the hundred of a map of objects, so that a national catalogue's duplicates are found in a small
 * heap. A CCT's ten letters and digits fit in a long (base 36).
 */
final class CctLines {

    private long[] keys = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;

    /** Records the CCT's line unless it was seen before; returns the earlier line, or 0. */
    int putIfAbsent(Cct cct, int line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long key = encode(cct.value());
        int slot = slot(key, keys.length);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return lines[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = key;
        lines[slot] = line;
        size++;
        return 0;
    }

    /** Never 0: every CCT has ten characters, so its base-36 value is at least 36^9. */
    static long encode(String cct) {
        return Long.parseLong(cct, 36);
    }

    private static int slot(long key, int capacity) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 33) & (capacity - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
