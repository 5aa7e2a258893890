package dev.newsmon.producers;

/** A feed that cannot be read (broken XML, refused DTD, too large, not a feed); the message is for people. */
final class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    FeedException(String message) {
        super(message, null, false, false);
    }
}
