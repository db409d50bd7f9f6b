package org.tamizdat.admin;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 30-second steps, six digits,
 * one step either side accepted for clock drift. Secrets are 20 random bytes, shown as Base32 for
 * authenticator apps.
 */
public final class Totp {
  public static final long STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  private static final int WINDOW = 1;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final SecureRandom random = new SecureRandom();

  /** A new Base32 secret (160 bits). */
  public String newSecret() {
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    return base32(secret);
  }

  public static long step(long epochMillis) {
    return Math.floorDiv(epochMillis / 1000, STEP_SECONDS);
  }

  /** The code for a time step (RFC 4226 HOTP with the step as counter). */
  public static String code(byte[] key, long step, int digits, String hmac) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(key, hmac));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      int modulus = (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hmac + " unavailable", e);
    }
  }

  /** The six-digit code of a Base32 secret at a time. */
  public static String code(String base32Secret, long epochMillis) {
    return code(decodeBase32(base32Secret), step(epochMillis), DIGITS, "HmacSHA1");
  }

  /**
   * The time step whose code {@code code} is, within the window around {@code nowMillis} and later
   * than {@code lastUsedStep} (a code of a used step is a replay); empty when none matches.
   */
  public static OptionalLong verify(
      String base32Secret, String code, long nowMillis, long lastUsedStep) {
    String typed = code == null ? "" : code.replaceAll("\\s", "");
    if (!typed.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = decodeBase32(base32Secret);
    long now = step(nowMillis);
    OptionalLong found = OptionalLong.empty();
    for (long s = now - WINDOW; s <= now + WINDOW; s++) {
      byte[] expected = code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII);
      boolean same = MessageDigest.isEqual(expected, typed.getBytes(StandardCharsets.US_ASCII));
      if (same && s > lastUsedStep && found.isEmpty()) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  /** The otpauth:// URI authenticator apps read from the QR code. */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0, bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** The raw key of a Base32 secret. */
  public static byte[] decodeBase32(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0, bits = 0;
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '=' || c == ' ' || c == '-') {
        continue;
      }
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not Base32");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
