package dev.newsmon.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.model.Rejection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever strings a record holds, the JSON newsmon writes is valid UTF-8. */
class WellFormedJsonTest {

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersAndPairsStay() throws Exception {
        Rejection r = new Rejection("reason \uD800", "id\uDC00", "f.jsonl:1", "cut \uD83D", "code");
        byte[] bytes = Json.writeBytes(r);
        strictUtf8(bytes);
        Rejection back = Json.read(bytes, Rejection.class);
        assertThat(back).isEqualTo(new Rejection("reason \uFFFD", "id\uFFFD", "f.jsonl:1", "cut \uFFFD", "code"));

        String emoji = "Tobruk \uD83D\uDE00 port";
        JsonNode node = Json.mapper().readTree(Json.writeBytes(Map.of("t", emoji, "l", List.of("\uDFFF\uD800"))));
        assertThat(node.get("t").asText()).isEqualTo(emoji);
        assertThat(node.get("l").get(0).asText()).isEqualTo("\uFFFD\uFFFD");
        assertThat(Json.wellFormed(emoji)).isSameAs(emoji);
    }
}
