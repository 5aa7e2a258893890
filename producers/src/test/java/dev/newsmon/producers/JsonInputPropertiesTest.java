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
import java.util.Random;
import java.util.stream.Stream;
import dev.newsmon.testing.RandomInputs;
import dev.newsmon.testing.RandomInputs.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the lines, every non-blank line becomes exactly one unit with its own line number. */
class JsonInputPropertiesTest {

    private static final int MAX_BYTES = 1024;

    record Lines(List<byte[]> lines, boolean crlf, boolean finalNewline) {
    }

    static Stream<Case<Lines>> lines() {
        return RandomInputs.cases(11, 200, r -> new Lines(RandomInputs.list(r, 40, JsonInputPropertiesTest::line),
                r.nextBoolean(), r.nextBoolean()));
    }

    private static byte[] line(Random r) {
        switch (r.nextInt(11)) {
            case 0, 1, 2, 3, 4, 5:
                return ("{\"title\":" + Json.write(RandomInputs.arabic(r, 60, " abc\"\\")) + ",\"body\":\"b\"}")
                        .getBytes(StandardCharsets.UTF_8);
            case 6, 7:
                return RandomInputs.oneOf(r, "", " ", "\t", "  \t ").getBytes(StandardCharsets.UTF_8);
            case 8, 9:
                byte[] garbage = RandomInputs.bytes(r, 1, 50);
                for (int i = 0; i < garbage.length; i++) {
                    if (garbage[i] == '\n' || garbage[i] == '\r') {
                        garbage[i] = 'x';
                    }
                }
                return garbage;
            default:
                return "x".repeat(MAX_BYTES + 1 + r.nextInt(2 * MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("lines")
    void everyNonBlankLineIsOneUnitWithItsLineNumber(Case<Lines> c) throws IOException {
        List<byte[]> lines = c.value().lines();
        boolean crlf = c.value().crlf();
        boolean finalNewline = c.value().finalNewline();
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

    record Elements(List<String> elements, boolean pretty) {
    }

    static Stream<Case<Elements>> arrays() {
        return RandomInputs.cases(12, 100, r -> new Elements(RandomInputs.list(r, 12, JsonInputPropertiesTest::article),
                r.nextBoolean()));
    }

    private static String article(Random r) {
        String t = RandomInputs.arabic(r, 40, " xyz\"\\\n");
        String b = RandomInputs.arabic(r, 40, " xyz\"\\\n");
        String n = RandomInputs.oneOf(r, "1", "-2.50", "3.14159265358979323846", "1e10", "0");
        return "{ \"title\" : " + Json.write(t) + ", \"body\": " + Json.write(b) + ", \"n\": " + n
                + ", \"tags\": [1, {\"a\": null}] }";
    }

    @ParameterizedTest
    @MethodSource("arrays")
    void arrayElementsCompactToTheSameJson(Case<Elements> c) throws IOException {
        List<String> elements = c.value().elements();
        boolean pretty = c.value().pretty();
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
}
