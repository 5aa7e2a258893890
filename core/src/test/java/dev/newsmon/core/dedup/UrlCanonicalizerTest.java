package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "HTTPS://WWW.Example.COM/News/Story/ example.com/News/Story",
        "http://example.com:80/news/story#comments example.com/news/story",
        "https://example.com/news/story?utm_source=x&utm_medium=y&fbclid=abc&gclid=1 example.com/news/story",
        "https://example.com/news/story?b=2&a=1&ref=rss example.com/news/story?a=1&b=2",
        "https://amp.example.com/news/story/amp example.com/news/story",
        "https://example.com/amp/news/story example.com/news/story",
        "https://example.com/news/story.amp.html example.com/news/story.html",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story example.com/news/story",
        "https://m.example.com/news/index.html example.com/news",
        "https://example.com/a/./b/../story example.com/a/story",
        "https://example.com/news/%D8%AE%D8%A8%D8%B1 example.com/news/خبر",
        "https://example.com/news/خبر?utm_campaign=z example.com/news/خبر",
        "https://example.com/a%2fb?q=x%26y example.com/a%2Fb?q=x%26y",
        "https://example.com/news?p=12&amp=1 example.com/news?p=12",
    })
    void foldsVariantsOfOnePage(String url, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(url)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://example.com/file", "mailto:someone@example.com", "not a url",
        "https:///nohost", "javascript:alert(1)"})
    void rejectsWhatIsNotAnHttpUrl(String url) {
        assertThat(UrlCanonicalizer.canonicalize(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/news story|x", "https://example.com/%zz/a", "http://ex ample.com"})
    void neverThrowsOnMalformedInput(String url) {
        assertThat(UrlCanonicalizer.canonicalize(url)).isNotNull();
    }
}
