package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the lines, every non-blank line becomes exactly one unit with its own line number. */
class JsonInputPropertiesTest {

    private static final int MAX_BYTES = 1024;

    @Property(tries = 200)
    void everyNonBlankLineIsOneUnitWithItsLineNumber(@ForAll("lines") @Size(max = 40) List<byte[]> lines,
            @ForAll boolean crlf, @ForAll boolean finalNewline) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            file.write(lines.get(i));
            if (i < lines.size() - 1 || finalNewline) {
                file.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            }
        }
        Path f = Files.createTempFile("prop-", ".jsonl");
        try {
            Files.write(f, file.toByteArray());
            List<UnitDraft> drafts = new ArrayList<>();
            try (JsonlReader r = new JsonlReader(f, MAX_BYTES)) {
                r.forEachRemaining(drafts::add);
            }

            List<Integer> expectedLines = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!Bytes.isBlank(lines.get(i), 0, lines.get(i).length)) {
                    expectedLines.add(i + 1);
                }
            }
            assertThat(drafts).extracting(d -> (int) d.origin().number()).containsExactlyElementsOf(expectedLines);
            for (UnitDraft d : drafts) {
                byte[] line = lines.get((int) d.origin().number() - 1);
                if (d.error() == null) {
                    assertThat(d.payload()).isEqualTo(line);
                    assertThat(d.location().length()).isEqualTo(line.length);
                } else {
                    assertThat(line).startsWith(d.payload());
                    assertThat(d.payload().length).isLessThanOrEqualTo(InputUnit.ERROR_PAYLOAD_BYTES);
                }
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property(tries = 100)
    void arrayElementsCompactToTheSameJson(@ForAll("articles") @Size(max = 12) List<String> elements,
            @ForAll boolean pretty) throws IOException {
        String sep = pretty ? ",\n    " : ",";
        String array = (pretty ? "[\n    " : "[") + String.join(sep, elements) + (pretty ? "\n]\n" : "]");
        Path f = Files.createTempFile("prop-", ".json");
        try {
            Files.writeString(f, array, StandardCharsets.UTF_8);
            List<UnitDraft> drafts = new ArrayList<>();
            try (JsonArrayReader r = new JsonArrayReader(f, 64 * 1024)) {
                r.forEachRemaining(drafts::add);
            }
            assertThat(drafts).hasSameSizeAs(elements);
            for (int i = 0; i < elements.size(); i++) {
                JsonNode expected = Json.mapper().readTree(elements.get(i));
                assertThat(drafts.get(i).error()).isNull();
                assertThat(Json.mapper().readTree(drafts.get(i).payload())).isEqualTo(expected);
                assertThat(new String(drafts.get(i).payload(), StandardCharsets.UTF_8)).doesNotContain("\n");
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<List<byte[]>> lines() {
        Arbitrary<byte[]> json = Arbitraries.strings().withCharRange('\u0621', '\u064A').withChars(" abc\"\\")
                .ofMaxLength(60).map(s -> ("{\"title\":" + Json.write(s) + ",\"body\":\"b\"}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> blank = Arbitraries.of("", " ", "\t", "  \t ").map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> garbage = Arbitraries.bytes().filter(b -> b != '\n' && b != '\r').array(byte[].class)
                .ofMinSize(1).ofMaxSize(50);
        Arbitrary<byte[]> huge = Arbitraries.integers().between(MAX_BYTES + 1, 3 * MAX_BYTES)
                .map(n -> "x".repeat(n).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, json), net.jqwik.api.Tuple.of(2, blank),
                net.jqwik.api.Tuple.of(2, garbage), net.jqwik.api.Tuple.of(1, huge)).list();
    }

    @Provide
    Arbitrary<List<String>> articles() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0621', '\u064A').withChars(" xyz\"\\\n")
                .ofMaxLength(40);
        Arbitrary<String> number = Arbitraries.of("1", "-2.50", "3.14159265358979323846", "1e10", "0");
        return net.jqwik.api.Combinators.combine(text, text, number)
                .as((t, b, n) -> "{ \"title\" : " + Json.write(t) + ", \"body\": " + Json.write(b) + ", \"n\": " + n
                        + ", \"tags\": [1, {\"a\": null}] }")
                .list();
    }
}
