package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestApp;

class RateLimitTest {
  @TempDir Path dir;

  @Test
  void aBucketEmptiesAndRefillsWithTime() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    RateLimiter limiter = RateLimiter.perHour(3, clock);
    assertTrue(limiter.allow("a") && limiter.allow("a") && limiter.allow("a"));
    assertFalse(limiter.allow("a"));
    assertTrue(limiter.allow("b"), "clients have separate buckets");
    clock.advance(Duration.ofMinutes(20));
    assertTrue(limiter.allow("a"));
    assertFalse(limiter.allow("a"));
  }

  @Test
  void tooManyAttemptsFromOneClientAreRefusedAndNoAddressIsLoggedOrStored() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (TestApp site =
        TestApp.start(dir, Map.of("SUBSCRIBE_RATE_LIMIT", "2", "ACCESS_LOG", "on"))) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String form = "email=r%40example.org&website=";
      assertEquals(200, site.post("/en/subscribe", form).statusCode());
      assertEquals(200, site.post("/en/subscribe", form).statusCode());
      var limited = site.post("/en/subscribe", form, "X-Forwarded-For", "203.0.113.9");
      assertEquals(429, limited.statusCode());
      assertTrue(limited.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"));
      assertTrue(limited.body().contains("Too many attempts"));
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("POST /en/subscribe 429"), log);
    assertFalse(log.contains("127.0.0.1") || log.contains("203.0.113.9"), log);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("127.0.0.1"), "client address on disk in " + file);
      }
    }
  }
}
