package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** RFC 6238 appendix B: the SHA-1 seed and eight-digit codes. */
  @Test
  void rfc6238TestVectors() {
    byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    long[][] vectors = {
      {59L, 94287082L},
      {1111111109L, 7081804L},
      {1111111111L, 14050471L},
      {1234567890L, 89005924L},
      {2000000000L, 69279037L},
      {20000000000L, 65353130L}
    };
    for (long[] v : vectors) {
      String expected = String.format("%08d", v[1]);
      assertEquals(expected, Totp.code(seed, Totp.step(v[0] * 1000), 8, "HmacSHA1"), "T=" + v[0]);
    }
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "foobar", new String(Totp.decodeBase32("mzxw 6ytb oi"), StandardCharsets.US_ASCII));
    String secret = new Totp().newSecret();
    assertEquals(32, secret.length());
    assertEquals(secret, Totp.base32(Totp.decodeBase32(secret)));
  }

  @Test
  void acceptsOneStepEitherSideAndNothingFurther() {
    String secret = new Totp().newSecret();
    long now = 1_800_000_000_000L;
    long step = Totp.step(now);
    for (int d = -1; d <= 1; d++) {
      String code = Totp.code(secret, now + d * 30_000L);
      assertEquals(OptionalLong.of(step + d), Totp.verify(secret, code, now, 0), "offset " + d);
    }
    for (int d : new int[] {-2, 2}) {
      String code = Totp.code(secret, now + d * 30_000L);
      assertTrue(Totp.verify(secret, code, now, 0).isEmpty(), "offset " + d);
    }
  }

  @Test
  void aCodeOfAUsedStepIsAReplay() {
    String secret = new Totp().newSecret();
    long now = 1_800_000_000_000L;
    String code = Totp.code(secret, now);
    long step = Totp.verify(secret, code, now, 0).orElseThrow();
    assertTrue(Totp.verify(secret, code, now, step).isEmpty());
    assertTrue(Totp.verify(secret, code, now + 20_000, step).isEmpty());
  }

  @Test
  void malformedCodesAreRefused() {
    String secret = new Totp().newSecret();
    for (String code : new String[] {"", "12345", "1234567", "abcdef", null}) {
      assertTrue(Totp.verify(secret, code, 0, 0).isEmpty(), String.valueOf(code));
    }
  }

  @Test
  void otpauthUriNamesIssuerAccountAndParameters() {
    String uri = Totp.uri("The Lantern", "ed@lantern.example", "ABCDEF");
    assertEquals(
        "otpauth://totp/The%20Lantern:ed%40lantern.example?secret=ABCDEF&issuer=The%20Lantern"
            + "&algorithm=SHA1&digits=6&period=30",
        uri);
  }
}
