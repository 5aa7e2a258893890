package dev.newsmon.producers;

import static dev.newsmon.producers.TestFiles.readAll;
import static dev.newsmon.producers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReadingTest {

    private static final Instant MTIME = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    private static JsonNode json(InputUnit u) {
        try {
            return Json.mapper().readTree(u.payload());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rss2ItemsBecomeJsonArticles() {
        Path feed = TestFiles.fixture("feeds/rss2.xml");

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(feed + "#1", feed + "#2", feed + "#3");
        assertThat(units).extracting(InputUnit::format).containsOnly(InputFormat.JSON);
        assertThat(units).extracting(InputUnit::error).containsOnlyNulls();
        JsonNode first = json(units.get(0));
        assertThat(first.get("url").asText()).isEqualTo("https://news.example.org/a/101");
        assertThat(first.get("title").asText()).isEqualTo("افتتاح مدرسة جديدة في درنة");
        assertThat(first.get("html").asText()).isEqualTo("<p>افتتحت السلطات المحلية مدرسة جديدة في درنة تتسع لخمسمئة طالب.</p>");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2024-04-16T08:12:02Z");
        assertThat(first.get("source").asText()).isEqualTo("أخبار المثال");
        assertThat(first.get("lang").asText()).isEqualTo("ar");
        assertThat(first.get("guid").asText()).isEqualTo("news-101");
        assertThat(first.get("author").asText()).isEqualTo("مراسل المثال");
        assertThat(first.has("id")).as("the guid is not the article id").isFalse();
        assertThat(units.get(0).eventTime()).isEqualTo(Instant.parse("2024-04-16T08:12:02Z"));
        assertThat(units.get(0).key()).isEqualTo(feed + "#1");

        JsonNode second = json(units.get(1));
        assertThat(second.get("html").asText())
                .isEqualTo("Prices of bread and fuel stayed the same this week & traders expect calm.");
        assertThat(second.get("publishedAt").asText()).isEqualTo("2024-04-17T08:00:00Z");

        JsonNode third = json(units.get(2));
        assertThat(third.get("url").asText()).as("a permalink guid is the link").isEqualTo("https://news.example.org/a/103");
        assertThat(third.has("publishedAt")).isFalse();
        assertThat(third.get("publishedAtRaw").asText()).isEqualTo("sometime last week");
        assertThat(units.get(2).eventTime()).isEqualTo(Files.mtime(feed));
        assertThat(units.get(2).timeSource()).isEqualTo("file-time");
    }

    @Test
    void atomEntriesUseAlternateLinksAndTextConstructs() {
        Path feed = TestFiles.fixture("feeds/atom.xml");

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).hasSize(2);
        JsonNode first = json(units.get(0));
        assertThat(first.get("url").asText()).isEqualTo("https://atom.example.com/2024/roads");
        assertThat(first.get("title").asText()).isEqualTo("Roads reopened near Sirte");
        assertThat(first.get("html").asText()).isEqualTo(
                "<div><p>Two roads near Sirte reopened after &lt;maintenance&gt;"
                        + " work.</p></div>");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2024-04-18T06:30:00Z");
        assertThat(first.get("source").asText()).isEqualTo("Example Atom Wire");
        assertThat(first.get("lang").asText()).isEqualTo("en");
        assertThat(first.get("author").asText()).isEqualTo("Desk Editor");
        assertThat(first.get("categories").get(0).asText()).isEqualTo("transport");

        JsonNode second = json(units.get(1));
        assertThat(second.get("body").asText()).isEqualTo("هذا ملخص نصي بسيط لتقرير قصير.");
        assertThat(second.has("html")).isFalse();
        assertThat(second.get("lang").asText()).isEqualTo("ar");
        assertThat(second.get("publishedAt").asText()).as("updated when there is no published")
                .isEqualTo("2024-04-17T20:00:00Z");
    }

    @Test
    void rdfItemsAreRead() {
        Path feed = TestFiles.fixture("feeds/rdf.xml");

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).hasSize(1);
        JsonNode item = json(units.get(0));
        assertThat(item.get("url").asText()).isEqualTo("https://rdf.example.org/s/1");
        assertThat(item.get("title").asText()).isEqualTo("Harbour works finished");
        assertThat(item.get("source").asText()).isEqualTo("Example RDF Channel");
        assertThat(item.get("publishedAt").asText()).isEqualTo("2024-04-12T11:00:00Z");
        assertThat(item.get("guid").asText()).isEqualTo("https://rdf.example.org/s/1");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        Path feed = TestFiles.fixture("feeds/billion-laughs.xml");

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).hasSize(1);
        assertThat(units.get(0).origin()).isEqualTo(feed.toString());
        assertThat(units.get(0).error()).startsWith("The feed declares XML entities in a DOCTYPE; newsmon refuses");
        assertThat(TestFiles.text(units.get(0))).doesNotContain("lollol");
    }

    @Test
    void externalEntityIsNeverResolved() {
        Path secret = write(dir, "secret.txt", "TOP-SECRET-CONTENT", MTIME);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>x</title>
                <item><title>&xxe;</title><link>https://evil.example/1</link><description>&xxe;</description></item>
                </channel></rss>
                """.formatted(secret.toUri());
        Path feed = write(dir, "xxe.xml", xxe, MTIME);

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).hasSize(1);
        assertThat(units.get(0).error()).contains("refuses");
        assertThat(units).noneSatisfy(u -> assertThat(TestFiles.text(u)).contains("TOP-SECRET-CONTENT"));
    }

    @Test
    void externalDtdAndParameterEntitiesAreNeverFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY % x SYSTEM 'file:///etc/hostname'>".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path externalDtd = write(dir, "ext-dtd.xml", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss SYSTEM "%s/evil.dtd">
                    <rss version="2.0"><channel><title>t</title>
                    <item><title>Safe item</title><link>https://ok.example/1</link><description>d</description></item>
                    </channel></rss>
                    """.formatted(base), MTIME);
            Path paramEntity = write(dir, "param.xml", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [ <!ENTITY %% remote SYSTEM "%s/param.dtd"> %%remote; ]>
                    <rss version="2.0"><channel><title>t</title></channel></rss>
                    """.formatted(base), MTIME);

            List<InputUnit> units = readAll(externalDtd.toString(), paramEntity.toString());

            assertThat(requests.get()).as("no request may reach the server").isZero();
            assertThat(units.get(0).error()).as("a DOCTYPE without entities is harmless").isNull();
            assertThat(json(units.get(0)).get("title").asText()).isEqualTo("Safe item");
            assertThat(units.get(1).error()).contains("refuses");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rss091WithDoctypeAndCharacterReferencesIsRead() {
        Path feed = TestFiles.fixture("feeds/rss091-doctype.xml");

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).hasSize(1);
        assertThat(json(units.get(0)).get("title").asText()).isEqualTo("Café opens");
        assertThat(json(units.get(0)).get("lang").asText()).isEqualTo("en");
    }

    @Test
    void feedsInOtherEncodingsBecomeUtf8Json() {
        String xml = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>قناة</title>"
                + "<item><title>عنوان الخبر</title><link>https://enc.example/1</link><description>نص قصير</description>"
                + "</item></channel></rss>";
        Path feed = write(dir, "cp1256.xml", xml.getBytes(java.nio.charset.Charset.forName("windows-1256")), MTIME);

        InputUnit u = readAll(feed.toString()).get(0);

        assertThat(json(u).get("title").asText()).isEqualTo("عنوان الخبر");
        assertThat(json(u).get("source").asText()).isEqualTo("قناة");
    }

    @Test
    void brokenFeedKeepsEarlierItemsAndReportsTheRest() {
        Path feed = TestFiles.fixture("feeds/broken.xml");

        List<InputUnit> units = readAll(feed.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(feed + "#1", feed.toString());
        assertThat(units.get(0).error()).isNull();
        assertThat(units.get(1).error()).startsWith("The feed XML cannot be parsed (line")
                .endsWith("(after item 1; the items before it were read)");
        assertThat(units.get(1).format()).isEqualTo(InputFormat.JSON);
    }

    @Test
    void documentThatIsNotAFeedIsAnErrorUnitWithItsStart() {
        Path feed = TestFiles.fixture("feeds/not-a-feed.xml");

        InputUnit u = readAll(feed.toString()).get(0);

        assertThat(u.error()).isEqualTo("The document is not an RSS, Atom or RDF feed (its root element is <html>)");
        assertThat(TestFiles.text(u)).contains("This is a web page");
    }

    @Test
    void feedFileOverTheFeedLimitStopsWithAnErrorUnit() {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>big</title>");
        for (int i = 0; i < 200; i++) {
            sb.append("<item><title>Item ").append(i).append("</title><link>https://big.example/").append(i)
                    .append("</link><description>").append("text ".repeat(40)).append("</description></item>");
        }
        sb.append("</channel></rss>");
        Path feed = write(dir, "big.rss", sb.toString(), MTIME);

        List<InputUnit> units = readAll(ReaderOptions.defaults().withMaxFeedBytes(16 * 1024), feed.toString());

        InputUnit last = units.get(units.size() - 1);
        assertThat(last.error()).matches("The feed file is larger than the 16 KiB limit; the rest was not read"
                + " \\(after item \\d+; the items before it were read\\)");
        assertThat(units.size()).isBetween(2, 199);
        assertThat(units.subList(0, units.size() - 1)).extracting(InputUnit::error).containsOnlyNulls();
    }

    /** File mtime helper. */
    private static final class Files {
        static Instant mtime(Path p) {
            try {
                return java.nio.file.Files.getLastModifiedTime(p).toInstant();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
