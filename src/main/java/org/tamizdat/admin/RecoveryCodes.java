package org.tamizdat.admin;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ten one-time recovery codes, for a lost phone: 16 Base32 characters (80 bits) each, shown once in
 * groups of four and stored only as SHA-256 hashes.
 */
public final class RecoveryCodes {
  public static final int COUNT = 10;
  private final SecureRandom random = new SecureRandom();

  public List<String> generate() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      byte[] bytes = new byte[10];
      random.nextBytes(bytes);
      String raw = Totp.base32(bytes).toLowerCase(Locale.ROOT);
      codes.add(
          String.join(
              "-",
              raw.substring(0, 4),
              raw.substring(4, 8),
              raw.substring(8, 12),
              raw.substring(12, 16)));
    }
    return codes;
  }

  /** As typed: any case, with or without dashes and spaces. */
  public static String normalize(String code) {
    return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  /** Recovery codes are 16 Base32 characters; TOTP codes are 6 digits. */
  public static boolean looksLikeRecoveryCode(String typed) {
    return normalize(typed).matches("[a-z2-7]{16}");
  }
}
