package dev.newsmon.core.text;

/** A word of normalized text: letters and digits, with its [start, end) in the normalized text. */
public record Token(String text, int start, int end) {
}
