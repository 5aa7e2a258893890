package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoggedUrlTest {

    @Test
    void secretsInPathQueryAndUserInfoAreLeftOut() {
        assertThat(LoggedUrl.of(URI.create("https://hooks.example.com/services/T000/B000/XXXXSECRET")))
                .isEqualTo("https://hooks.example.com/…");
        assertThat(LoggedUrl.of(URI.create("https://user:pa55@alerts.example.org:8443/in?token=abc")))
                .isEqualTo("https://alerts.example.org:8443/…");
        assertThat(LoggedUrl.of(URI.create("http://127.0.0.1:9000/"))).isEqualTo("http://127.0.0.1:9000/");
        assertThat(LoggedUrl.of(URI.create("http://127.0.0.1:9000"))).isEqualTo("http://127.0.0.1:9000/");
    }
}
