package dev.newsmon.producers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a readable message once more than {@code limit} bytes have been read. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    private void count(long n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException("The " + what + " is larger than the " + Bytes.mib(limit)
                    + " limit; the rest was not read");
        }
    }

    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(String message) {
            super(message);
        }
    }
}
