package dev.newsmon.core.tagging;

import java.util.Arrays;

/**
 * An immutable character trie in flat arrays: edges of node i are {@code [firstEdge[i], firstEdge[i+1])}; a node
 * with more than a few children also gets a dense row indexed by the char's position in the keys' alphabet, so
 * every step is one or a few array reads (the wide nodes are exactly the ones near the root that every word
 * visits). Lookups allocate nothing. Built once per tagger from sorted keys, breadth first, so every node's
 * edges are contiguous.
 */
final class CharTrie {

    static final int ROOT = 0;
    static final int NONE = -1;
    /** Nodes with more children than this get a dense row indexed by alphabet position. */
    private static final int SPARSE_MAX = 4;

    private final int[] firstEdge;
    private final char[] labels;
    private final int[] targets;
    private final int[] values;
    /** Position in the alphabet (1..) of every char used by a key; 0 for chars no key uses. */
    private final char[] alphabet;
    private final int alphabetSize;
    /** Start of a node's dense row in {@link #dense}, or -1 for a node whose few edges are searched. */
    private final int[] denseRow;
    private final int[] dense;
    /** Per node: its child along the word separator ' ', or {@link #NONE}. */
    private final int[] separatorChild;

    private CharTrie(int[] firstEdge, char[] labels, int[] targets, int[] values) {
        this.firstEdge = firstEdge;
        this.labels = labels;
        this.targets = targets;
        this.values = values;
        this.alphabet = new char[0x10000];
        int size = 0;
        for (char c : labels) {
            if (alphabet[c] == 0) {
                alphabet[c] = (char) ++size;
            }
        }
        this.alphabetSize = size + 1;
        this.denseRow = new int[values.length];
        int rows = 0;
        for (int node = 0; node < values.length; node++) {
            denseRow[node] = firstEdge[node + 1] - firstEdge[node] > SPARSE_MAX ? rows++ * alphabetSize : -1;
        }
        this.dense = new int[rows * alphabetSize];
        java.util.Arrays.fill(dense, NONE);
        for (int node = 0; node < values.length; node++) {
            if (denseRow[node] >= 0) {
                for (int e = firstEdge[node]; e < firstEdge[node + 1]; e++) {
                    dense[denseRow[node] + alphabet[labels[e]]] = targets[e];
                }
            }
        }
        this.separatorChild = new int[values.length];
        for (int node = 0; node < values.length; node++) {
            separatorChild[node] = child(node, ' ');
        }
    }

    /** The child of {@code node} along the word separator. */
    int separatorChild(int node) {
        return separatorChild[node];
    }

    /** Position of {@code c} in the keys' alphabet (1..), or 0 when no key uses it. */
    int position(char c) {
        return alphabet[c];
    }

    /** The child of {@code node} along {@code c}, whose alphabet position {@code a} is not 0. */
    int child(int node, char c, int a) {
        int row = denseRow[node];
        if (row >= 0) {
            return dense[row + a];
        }
        for (int e = firstEdge[node], end = firstEdge[node + 1]; e < end; e++) {
            if (labels[e] == c) {
                return targets[e];
            }
        }
        return NONE;
    }

    /** The child of {@code node} along {@code c}, or {@link #NONE}. */
    int child(int node, char c) {
        int a = alphabet[c];
        return a == 0 ? NONE : child(node, c, a);
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
