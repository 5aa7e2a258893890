package dev.newsmon.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(String s) {
        return Tokenizer.tokens(TextNormalizer.normalize(s)).stream().map(Token::text).toList();
    }

    @Test
    void arabicWordsSplitOnSpacesAndPunctuation() {
        assertThat(words("قال المشير، خليفة حفتر: «لا»")).containsExactly("قال", "المشير", "خليفه", "حفتر", "لا");
    }

    @Test
    void hyphensAndApostrophesSeparateWords() {
        assertThat(words("Tobruk-based Haftar's")).containsExactly("tobruk", "based", "haftar", "s");
        assertThat(words("يونس- بك")).containsExactly("يونس", "بك");
    }

    @Test
    void digitsAreWordCharacters() {
        assertThat(words("اللواء ٤٤٤ قتال")).containsExactly("اللوا", "444", "قتال");
    }

    @Test
    void tokenOffsetsAreInTheTokenizedString() {
        List<Token> tokens = Tokenizer.tokens("ab, cd");
        assertThat(tokens).containsExactly(new Token("ab", 0, 2), new Token("cd", 4, 6));
    }

    @Test
    void supplementaryLettersStayInOneWord() {
        assertThat(Tokenizer.tokens("a\uD835\uDC00b c")).extracting(Token::text).containsExactly("a\uD835\uDC00b", "c");
    }

    @Test
    void nullGivesNoTokens() {
        assertThat(Tokenizer.tokens((String) null)).isEmpty();
    }
}
