package org.tamizdat.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens (admin session ids, set-password and subscription links, CSRF tokens) and the
 * SHA-256 form kept in the database, so a copy of the database opens no session and no link.
 */
public final class SecretTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** 256 random bits, URL-safe Base64 (43 characters). */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Tokens in links are 43 URL-safe characters; anything else cannot be one of ours. */
  public static boolean looksValid(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two tokens; false when either is missing. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
