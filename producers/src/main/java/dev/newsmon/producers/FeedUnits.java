package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.io.IOException;
import java.io.InputStream;

/**
 * The items of one feed document as units, lazily: {@code base#1}, {@code base#2}, ... An item whose JSON is over
 * the size limit becomes an error unit. When the document cannot be read (broken XML, refused DTD, too large, not
 * a feed) the items before the problem are kept and one error unit with origin {@code base} reports the rest.
 */
final class FeedUnits extends UnitIterator<UnitDraft> {

    private final InputStream in;
    private final String base;
    private final int maxBytes;
    private final byte[] documentPrefix;
    private FeedParser parser;
    private long count;
    private boolean finished;

    /** @param documentPrefix the start of the document, sent as the value of an error unit for the whole feed */
    FeedUnits(InputStream in, String base, int maxBytes, byte[] documentPrefix) {
        this.in = in;
        this.base = base;
        this.maxBytes = maxBytes;
        this.documentPrefix = Bytes.errorPrefix(documentPrefix, documentPrefix.length);
    }

    long itemsRead() {
        return count;
    }

    @Override
    protected UnitDraft computeNext() {
        if (finished) {
            return null;
        }
        try {
            if (parser == null) {
                parser = new FeedParser(in);
            }
            FeedItem item = parser.next();
            if (item == null) {
                finished = true;
                return null;
            }
            count++;
            Origin origin = Origin.item(base, count);
            byte[] json = FeedItemJson.toJson(item, parser.feedTitle());
            String key = FeedItemJson.itemKey(item);
            if (json.length > maxBytes) {
                return new UnitDraft(Bytes.errorPrefix(json, json.length), InputFormat.JSON, origin,
                        UnitErrors.tooLarge("feed item", json.length, maxBytes), key, null);
            }
            return new UnitDraft(json, InputFormat.JSON, origin, null, key, null);
        } catch (FeedException e) {
            finished = true;
            String after = count == 0 ? "" : " (after item " + count + "; the items before it were read)";
            return UnitDraft.error(documentPrefix, InputFormat.JSON, Origin.whole(base), e.getMessage() + after);
        }
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
