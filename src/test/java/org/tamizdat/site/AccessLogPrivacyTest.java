package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;

/** The access log records requests but never who made them. */
class AccessLogPrivacyTest {
  @TempDir Path dir;

  @Test
  void accessLogHasPathsAndStatusesButNoClientAddress() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (TestApp site = TestApp.start(dir, Map.of("ACCESS_LOG", "on"))) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(200, site.get("/en/", "X-Forwarded-For", "203.0.113.77").statusCode());
      assertEquals(
          404, site.get("/en/missing-page", "User-Agent", "ReaderBrowser/1.0").statusCode());
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("GET /en/ 200"), log);
    assertTrue(log.contains("GET /en/missing-page 404"), log);
    assertFalse(log.contains("127.0.0.1"), log);
    assertFalse(log.contains("203.0.113.77"), log);
    assertFalse(log.contains("ReaderBrowser"), log);
  }
}
