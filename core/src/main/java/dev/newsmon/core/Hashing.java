package dev.newsmon.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable hashes for ids: SHA-256, hex. */
public final class Hashing {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    });

    private Hashing() {
    }

    /** The first {@code hexChars} hex digits of SHA-256 over the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text, int hexChars) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] digest = md.digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, hexChars);
    }
}
