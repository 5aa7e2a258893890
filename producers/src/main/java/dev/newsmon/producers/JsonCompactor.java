package dev.newsmon.producers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsmon.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Re-serializes one JSON value without insignificant whitespace, token by token: field order, duplicate fields
 * and the exact text of decimal numbers are kept (no tree, no double rounding).
 */
final class JsonCompactor {

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private JsonCompactor() {
    }

    /** The compact form of the single JSON value in {@code in[off..off+len)}; throws when it is not exactly one. */
    static byte[] compact(byte[] in, int off, int len) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        try (JsonParser p = FACTORY.createParser(in, off, len);
                JsonGenerator g = FACTORY.createGenerator(out)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("no JSON value");
            }
            int depth = 0;
            do {
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    g.writeNumber(p.getText());
                } else {
                    g.copyCurrentEvent(p);
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
                if (t == null) {
                    throw new IOException("unexpected end of the JSON value");
                }
            } while (true);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
        return out.toByteArray();
    }
}
