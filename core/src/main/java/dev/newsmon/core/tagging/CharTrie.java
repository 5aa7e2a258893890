package dev.newsmon.core.tagging;

import java.util.Arrays;

/**
 * An immutable character trie in three flat arrays (edges of node i are {@code [firstEdge[i], firstEdge[i+1])},
 * sorted by label), with a direct table for the root's Arabic and Latin children. Lookups allocate nothing;
 * 500k keys take a few tens of MB. Built once per tagger from sorted keys, breadth first, so every node's
 * edges are contiguous.
 */
final class CharTrie {

    static final int ROOT = 0;
    static final int NONE = -1;
    /** Root children for chars below this are found by direct index: covers ASCII and the Arabic block. */
    private static final int ROOT_TABLE_SIZE = 0x0700;
    private static final int LINEAR_SEARCH_MAX = 6;

    private final int[] firstEdge;
    private final char[] labels;
    private final int[] targets;
    private final int[] values;
    private final int[] rootTable;

    private CharTrie(int[] firstEdge, char[] labels, int[] targets, int[] values) {
        this.firstEdge = firstEdge;
        this.labels = labels;
        this.targets = targets;
        this.values = values;
        this.rootTable = new int[ROOT_TABLE_SIZE];
        Arrays.fill(rootTable, NONE);
        for (int e = firstEdge[ROOT]; e < firstEdge[ROOT + 1]; e++) {
            if (labels[e] < ROOT_TABLE_SIZE) {
                rootTable[labels[e]] = targets[e];
            }
        }
    }

    /** The child of {@code node} along {@code c}, or {@link #NONE}. */
    int child(int node, char c) {
        if (node == ROOT && c < ROOT_TABLE_SIZE) {
            return rootTable[c];
        }
        int lo = firstEdge[node];
        int hi = firstEdge[node + 1];
        if (hi - lo <= LINEAR_SEARCH_MAX) {
            for (int e = lo; e < hi; e++) {
                if (labels[e] == c) {
                    return targets[e];
                }
            }
            return NONE;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = labels[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return NONE;
    }

    /** The value stored at {@code node} (the index of its key), or {@link #NONE}. */
    int value(int node) {
        return values[node];
    }

    int nodeCount() {
        return values.length;
    }

    /** Follows a whole string from the root; {@link #NONE} when it is not a path of the trie. */
    int walk(String s) {
        int node = ROOT;
        for (int i = 0; i < s.length() && node != NONE; i++) {
            node = child(node, s.charAt(i));
        }
        return node;
    }

    /**
     * Builds the trie of {@code keys}, which must be sorted ({@link String#compareTo}) and distinct; the value
     * of key {@code i} is {@code i}.
     */
    static CharTrie build(String[] keys) {
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IllegalArgumentException("keys must be sorted and distinct");
            }
        }
        IntList firstEdge = new IntList(keys.length * 4 + 2);
        IntList values = new IntList(keys.length * 4 + 1);
        CharList labels = new CharList(keys.length * 4);
        IntList targets = new IntList(keys.length * 4);
        // BFS queue of (lo, hi, depth) per node, node ids in queue order.
        IntList qLo = new IntList(keys.length * 4 + 1);
        IntList qHi = new IntList(keys.length * 4 + 1);
        IntList qDepth = new IntList(keys.length * 4 + 1);
        qLo.add(0);
        qHi.add(keys.length);
        qDepth.add(0);
        for (int node = 0; node < qLo.size(); node++) {
            int lo = qLo.get(node);
            int hi = qHi.get(node);
            int depth = qDepth.get(node);
            firstEdge.add(labels.size());
            int i = lo;
            if (i < hi && keys[i].length() == depth) {
                values.add(i);
                i++;
            } else {
                values.add(NONE);
            }
            while (i < hi) {
                char c = keys[i].charAt(depth);
                int j = i + 1;
                while (j < hi && keys[j].charAt(depth) == c) {
                    j++;
                }
                labels.add(c);
                targets.add(qLo.size());
                qLo.add(i);
                qHi.add(j);
                qDepth.add(depth + 1);
                i = j;
            }
        }
        firstEdge.add(labels.size());
        return new CharTrie(firstEdge.toArray(), labels.toArray(), targets.toArray(), values.toArray());
    }

    /** Growable int array, to build without boxing. */
    static final class IntList {
        private int[] data;
        private int size;

        IntList(int capacity) {
            data = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int get(int i) {
            return data[i];
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    private static final class CharList {
        private char[] data;
        private int size;

        CharList(int capacity) {
            data = new char[Math.max(4, capacity)];
        }

        void add(char v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        char[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
