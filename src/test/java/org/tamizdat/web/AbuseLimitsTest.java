package org.tamizdat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;

/** Abusive clients: too many searches, bodies too large, heads sent byte by byte. */
class AbuseLimitsTest {
  @TempDir Path dir;

  @Test
  void searchIsLimitedPerClientWithRetryAfterAndALocalizedPage() {
    try (TestApp app = TestApp.start(dir, Map.of("SEARCH_RATE_LIMIT", "3"))) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.get("/en/search?q=court").statusCode());
      }
      HttpResponse<String> limited = app.get("/ru/search?q=суд");
      assertEquals(429, limited.statusCode());
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
      assertTrue(limited.body().contains("Слишком много запросов"), limited.body());
      HttpResponse<String> english = app.get("/en/search?q=court");
      assertEquals(429, english.statusCode());
      assertTrue(english.body().contains("Too many requests"), english.body());
      assertEquals(200, app.get("/en/").statusCode(), "other pages are not limited");
    }
  }

  @Test
  void aBodyOverTheLimitGetsALocalized413AndTheConnectionCloses() throws Exception {
    try (TestApp app = TestApp.start(dir, Map.of());
        Socket socket = new Socket("127.0.0.1", port(app))) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /ru/search HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: ru\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: 50000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
      assertTrue(answer.contains("Слишком большой запрос"), answer);
    }
  }

  @Test
  void aClientSendingItsHeadByteByByteIsCutOffAfterTheRequestTimeout() throws Exception {
    try (TestApp app = TestApp.start(dir, Map.of("HTTP_REQUEST_TIMEOUT", "PT1S"));
        Socket socket = new Socket("127.0.0.1", port(app))) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] head =
          ("GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200))
              .getBytes(StandardCharsets.US_ASCII);
      long start = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < head.length && !closed; i++) {
        try {
          out.write(head[i]);
          out.flush();
          closed = in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          // nothing from the server yet: send the next byte
        } catch (IOException reset) {
          closed = true;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(closed, "the server never closed the connection");
      // 200 bytes at 200 ms would take 40 s; the default timeout is 10 s.
      assertTrue(seconds >= 0.9 && seconds < 4, "closed after " + seconds + " s");
      System.err.printf("slow client cut off after %.1f s%n", seconds);
    }
  }

  private static int port(TestApp app) {
    return java.net.URI.create(app.baseUrl()).getPort();
  }
}
