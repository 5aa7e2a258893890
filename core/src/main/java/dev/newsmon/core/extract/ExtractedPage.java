package dev.newsmon.core.extract;

import java.time.Instant;

/**
 * What the extractors read from an HTML page or a plain-text file.
 *
 * @param title        the headline (null when none was found)
 * @param text         the main text, boilerplate removed, paragraphs separated by blank lines
 * @param url          the page's own URL (canonical link or og:url), null when absent
 * @param publishedAt  the publication time found in the page, null when absent
 * @param siteName     the outlet's name (og:site_name), null when absent
 * @param lang         the declared language (html lang), null when absent
 */
public record ExtractedPage(String title, String text, String url, Instant publishedAt, String siteName,
        String lang) {
}
