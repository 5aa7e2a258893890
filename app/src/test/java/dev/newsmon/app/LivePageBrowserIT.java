package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsmon.core.json.Json;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real headless Chromium, used as an analyst would: open it, an article about a tracked entity
 * comes in, its alert appears without a reload, Arabic reads right to left with the entity highlighted, the feed
 * filters by entity, trends show sparklines, the watchlist takes a new entity with the API token. A screenshot goes
 * to {@code target/browser/live-page.png}. Skipped (with the reason) where Chromium or chromedriver is missing:
 * {@code .ci/run} installs the Debian packages {@code chromium} and {@code chromium-driver}.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LivePageBrowserIT {

    private static final String TOKEN = LivePageIT.TOKEN;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2024-04-10T06:00:00Z");

    @TempDir
    Path data;

    @Test
    void alertAppearsLiveWithArabicRightToLeft(KafkaCluster kafka) throws Exception {
        File chromium = executable("newsmon.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        File chromedriver = executable("newsmon.chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium != null && chromedriver != null, "no Chromium/chromedriver here (install the "
                + "Debian packages chromium and chromium-driver, as .ci/run does): skipping the browser test");

        RunCommand run = LivePageIT.command(kafka, kafka.unique("page"), kafka.unique("page-app"), data.resolve("run"));
        try (KafkaConnection conn = KafkaConnection.open(run.kafka);
                RunCommand.RunningPipeline pipeline = RunCommand.RunningPipeline.start(conn, run.kafka, run.service)) {
            String base = "http://127.0.0.1:" + pipeline.http().port();
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(WAIT).until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

            // Earlier in the day: untracked places in the news (counted for the trends panel, no alerts).
            Stories background = new Stories(5L);
            String[] places = {"بنغازي", "مصراتة", "درنة"};
            for (int i = 0; i < 6; i++) {
                LivePageIT.publish(kafka, run, background.arabic(places[i % 3], T0.minus(Duration.ofHours(20 - 3L * i))));
            }
            WebDriver driver = chrome(chromium, chromedriver, data.resolve("chrome-profile"));
            try {
                WebDriverWait wait = new WebDriverWait(driver, WAIT);
                driver.get(base + "/");
                wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
                // Survives only if the page is never reloaded.
                ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 'yes';");

                LivePageIT.publish(kafka, run, article("ar-1", "Cyrenaica Desk", "ar",
                        "سفينة شحن روسية تفرغ حمولتها في ميناء طبرق",
                        "أفادت مصادر في إدارة الميناء بأن سفينة شحن ترفع العلم الروسي أفرغت صباح اليوم حمولة من المعدات "
                                + "في ميناء طبرق وسط إجراءات أمنية مشددة. وقال عامل في الرصيف إن الشاحنات نقلت الصناديق "
                                + "إلى خارج المدينة قبل الظهر.", T0));
                WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#alerts li.alert[data-entities~='tobruk']")));
                assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"))
                        .as("the alert arrived without a reload").isEqualTo("yes");
                WebElement title = card.findElement(By.cssSelector(".title"));
                assertThat(title.getText()).isEqualTo("سفينة شحن روسية تفرغ حمولتها في ميناء طبرق");
                assertThat(title.getCssValue("direction")).isEqualTo("rtl");
                WebElement snippet = card.findElement(By.cssSelector(".snippet"));
                assertThat(snippet.getCssValue("direction")).isEqualTo("rtl");
                assertThat(snippet.findElement(By.tagName("mark")).getText()).isEqualTo("طبرق");
                assertThat(card.findElement(By.cssSelector(".chip")).getText()).startsWith("Tobruk");
                assertThat(card.findElement(By.cssSelector(".source")).getText()).isEqualTo("Cyrenaica Desk");
                assertThat(card.findElement(By.tagName("time")).getText()).isEqualTo("2024-04-10 06:00 UTC");

                LivePageIT.publish(kafka, run,
                        article("en-1", "Eurasia Wire", "en", "Wagner-linked contractors seen at a Libyan airbase",
                                "Satellite images reviewed by analysts show new hangars at an airbase in central "
                                        + "Libya, where contractors linked to the Wagner Group have been reported for "
                                        + "years. Officials did not comment.", T0.plus(Duration.ofMinutes(5))),
                        article("ar-2", "Sahel Monitor", "ar", "وفد عسكري يزور طبرق لبحث ترتيبات أمن الساحل",
                                "وصل إلى طبرق وفد عسكري رفيع لبحث ترتيبات تأمين الشريط الساحلي، والتقى الوفد "
                                        + "بمسؤولين محليين في مقر البلدية. ولم تصدر تفاصيل رسمية عن نتائج الاجتماع "
                                        + "حتى المساء.", T0.plus(Duration.ofMinutes(12))),
                        article("ar-3", "Anbaa Desk", "ar", "توقف الملاحة في ميناء طبرق بسبب الرياح",
                                "توقفت حركة السفن في ميناء طبرق لساعات بسبب رياح قوية ضربت الساحل الشرقي، بحسب ما "
                                        + "أعلنته إدارة الميناء التي قالت إن العمل سيستأنف فور تحسن الأحوال الجوية.",
                                T0.plus(Duration.ofMinutes(20))));
                // three Tobruk stories inside an hour: a trend alert too
                wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).size() >= 5);
                WebElement trend = driver.findElement(By.cssSelector("#alerts li.kind-trend"));
                assertThat(trend.getText()).contains("TREND", "Tobruk");
                WebElement english = driver.findElement(By.cssSelector("#alerts li[data-entities~='wagner-group']"));
                assertThat(english.findElement(By.cssSelector(".snippet")).getCssValue("direction")).isEqualTo("ltr");
                assertThat(english.findElement(By.tagName("mark")).getText()).isEqualTo("Wagner Group");
                List<WebElement> cards = driver.findElements(By.cssSelector("#alerts li.alert"));
                assertThat(cards.get(cards.size() - 1).getAttribute("data-alert-id"))
                        .as("newest first: the first alert is now at the bottom")
                        .isEqualTo(card.getAttribute("data-alert-id"));

                // Filter by entity: a chip click shows only that entity's alerts.
                english.findElement(By.cssSelector(".chip")).click();
                wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).stream()
                        .filter(WebElement::isDisplayed).count() == 1);
                assertThat(driver.getCurrentUrl()).endsWith("?entity=wagner-group");
                driver.findElement(By.id("clear-filter")).click();
                wait.until(d -> d.findElements(By.cssSelector("#alerts li.alert")).stream()
                        .filter(WebElement::isDisplayed).count() == 5);

                // Trends: Tobruk on top with a sparkline.
                WebElement top = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#trends li[data-entity='tobruk']")));
                wait.until(d -> top.findElement(By.cssSelector(".total")).getText().equals("3"));
                assertThat(top.findElements(By.cssSelector("svg.spark polyline"))).hasSize(1);

                // Watchlist: the token is asked for, then the new entity shows up.
                wait.until(d -> d.findElements(By.cssSelector("#watchlist li")).size() == 2);
                driver.findElement(By.id("watch-id")).sendKeys("khalifa-haftar");
                driver.findElement(By.cssSelector("#watch-form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watch-msg"), "token"));
                driver.findElement(By.id("token")).sendKeys(TOKEN);
                driver.findElement(By.cssSelector("#watch-form button[type=submit]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#watchlist li[data-entity='khalifa-haftar']")));

                // Let the fresh-alert highlight fade before the picture.
                Thread.sleep(2500);
                Path shot = Path.of("target", "browser", "live-page.png");
                Files.createDirectories(shot.getParent());
                Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot,
                        StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(shot)).isPositive();
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver chrome(File chromium, File chromedriver, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1050", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String article(String id, String source, String lang, String title, String body, Instant at) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("url", "https://" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example/" + id);
        a.put("source", source);
        a.put("title", title);
        a.put("body", body);
        a.put("lang", lang);
        a.put("publishedAt", at.toString());
        return Json.write(a);
    }

    /** The first existing executable: the system property's path, else the candidates. */
    private static File executable(String property, String... candidates) {
        String given = System.getProperty(property);
        for (String path : given != null ? new String[] {given} : candidates) {
            File f = new File(path);
            if (f.canExecute()) {
                return f;
            }
        }
        return null;
    }
}
