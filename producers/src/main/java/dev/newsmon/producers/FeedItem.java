package dev.newsmon.producers;

import java.util.List;

/**
 * One item of an RSS, Atom or RDF feed, as read from the XML.
 *
 * @param html         the richest HTML content (content:encoded, Atom html/xhtml content, else the description)
 * @param text         plain-text content when the feed says the content is text (Atom type="text")
 * @param publishedRaw the date as written in the feed
 */
record FeedItem(String guid, String link, String title, String html, String text, String publishedRaw,
        String author, List<String> categories, String lang) {
}
