package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tue, 16 Apr 2024 10:12:02 +0200 | 2024-04-16T08:12:02Z",
        "Tue, 16 Apr 2024 10:12:02 GMT   | 2024-04-16T10:12:02Z",
        "16 Apr 2024 10:12 EST           | 2024-04-16T15:12:00Z",
        "Wed, 17 Apr 24 08:00 GMT        | 2024-04-17T08:00:00Z",
        "Sat, 02 Jan 99 23:59:59 UT      | 1999-01-02T23:59:59Z",
        "Tue, 16 April 2024 10:12:02 +03:00 | 2024-04-16T07:12:02Z",
        "Tue,16 Apr 2024 10:12:02 Z      | 2024-04-16T10:12:02Z",
        "2024-04-18T07:30:00+01:00       | 2024-04-18T06:30:00Z",
        "2024-04-18                      | 2024-04-18T00:00:00Z",
        "1713262322                      | 2024-04-16T10:12:02Z",
    })
    void readsFeedDates(String text, String expected) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "sometime last week", "Tue, 31 Feb 2024 10:00:00 GMT", "16 Foo 2024 10:00 GMT",
        "Tue, 16 Apr 2024 10:12:02 XYZ"})
    void unreadableDatesAreNull(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }
}
