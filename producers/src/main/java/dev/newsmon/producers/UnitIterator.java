package dev.newsmon.producers;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A lazy, closeable iterator: subclasses compute the next element on demand and return null at the end.
 * Readers never load a whole archive; they hand out one unit at a time.
 */
abstract class UnitIterator<T> implements Iterator<T>, AutoCloseable {

    private T next;
    private boolean done;

    /** The next element, or null when there is none. */
    protected abstract T computeNext();

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        next = computeNext();
        if (next == null) {
            done = true;
            close();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
    }

    /** Releases files or connections; safe to call more than once. */
    @Override
    public void close() {
    }

    static <T> UnitIterator<T> of(T single) {
        return new UnitIterator<>() {
            private boolean given;

            @Override
            protected T computeNext() {
                if (given) {
                    return null;
                }
                given = true;
                return single;
            }
        };
    }

    static <T> UnitIterator<T> empty() {
        return new UnitIterator<>() {
            @Override
            protected T computeNext() {
                return null;
            }
        };
    }
}
