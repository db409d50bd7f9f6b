package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.testing.TestApp;
import org.tamizdat.ticker.Quote;

/** Cached pages: validators, compression, and invalidation when what they show changes. */
class CachingTest {
  static final String ARTICLE = "/en/2026/11/08/tulvinsk-apartment-theatre-banned-plays";

  @TempDir static Path dir;
  static TestApp site;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void strongEtagAndLastModifiedGive304() {
    HttpResponse<String> first = site.get(ARTICLE);
    String etag = header(first, "ETag");
    assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
    assertEquals(304, site.get(ARTICLE, "If-None-Match", etag).statusCode());
    assertEquals(304, site.get(ARTICLE, "If-None-Match", "\"other\", " + etag).statusCode());
    assertEquals(200, site.get(ARTICLE, "If-None-Match", "\"stale\"").statusCode());
    String lastModified = header(first, "Last-Modified");
    assertEquals(304, site.get(ARTICLE, "If-Modified-Since", lastModified).statusCode());
    assertEquals(
        200, site.get(ARTICLE, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());
  }

  @Test
  void gzipIsServedToClientsThatAskAndDecodesToTheSameBytes() throws IOException {
    HttpResponse<byte[]> plain = site.getBytes(ARTICLE);
    HttpResponse<byte[]> zipped = site.getBytes(ARTICLE, "Accept-Encoding", "gzip, br");
    assertEquals("gzip", header(zipped, "Content-Encoding"));
    assertTrue(header(zipped, "Vary").contains("Accept-Encoding"));
    assertTrue(zipped.body().length < plain.body().length / 2, "compressed");
    assertNotEquals(
        header(plain, "ETag"), header(zipped, "ETag"), "each encoding has its own strong ETag");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertArrayEquals(plain.body(), in.readAllBytes());
    }
  }

  @Test
  void headAnswersWithoutABody() {
    HttpResponse<String> head = site.send("HEAD", ARTICLE);
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertTrue(Integer.parseInt(header(head, "Content-Length")) > 1000);
  }

  @Test
  void editingAnArticleInvalidatesEveryPageShowingIt() {
    String slug = "cache-probe";
    ArticleInput probe =
        new ArticleInput(
            Language.EN,
            slug,
            null,
            "Probe",
            "First headline",
            "",
            "Body.",
            "culture",
            List.of("gleb-sarmatov"),
            List.of("Culture"),
            Status.PUBLISHED,
            Instant.parse("2026-11-25T08:00:00Z"),
            null,
            null,
            null);
    site.app().articleWriter().save(probe);
    site.app().changed();
    String path = "/en/2026/11/25/" + slug;
    HttpResponse<String> before = site.get(path);
    assertTrue(before.body().contains("First headline"));
    assertTrue(site.get("/en/section/culture").body().contains("First headline"));

    site.app()
        .articleWriter()
        .save(
            new ArticleInput(
                Language.EN,
                slug,
                null,
                "Probe",
                "Second headline",
                "",
                "Body.",
                "culture",
                List.of("gleb-sarmatov"),
                List.of("Culture"),
                Status.PUBLISHED,
                Instant.parse("2026-11-25T08:00:00Z"),
                null,
                null,
                null));
    site.app().changed();
    HttpResponse<String> after = site.get(path);
    assertTrue(after.body().contains("Second headline"));
    assertNotEquals(header(before, "ETag"), header(after, "ETag"));
    assertEquals(200, site.get(path, "If-None-Match", header(before, "ETag")).statusCode());
    assertTrue(site.get("/en/section/culture").body().contains("Second headline"));
  }

  @Test
  void otherProcessesWritesArePickedUpByThePoll() throws InterruptedException {
    String before = site.get("/en/author/nadia-orlik").body();
    site.app()
        .catalog()
        .saveAuthor(
            "nadia-orlik", Map.of(Language.EN, "Nadia Orlik-Vance"), Map.of(Language.EN, "Data."));
    // No poke: only the change-log poll (every 500 ms) can notice this.
    long deadline = System.nanoTime() + 5_000_000_000L;
    String after = before;
    while (!after.contains("Nadia Orlik-Vance") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      after = site.get("/en/author/nadia-orlik").body();
    }
    assertTrue(after.contains("Nadia Orlik-Vance"), "change seen within 5 s");
  }

  @Test
  void aNewTickerValueRefreshesTheHeader() {
    String before = site.get("/en/").body();
    site.app()
        .tickers()
        .record(
            List.of(
                new Quote(
                    "USD", Instant.now().plusSeconds(86_400), new BigDecimal("123.45"), "t")));
    site.app().changed();
    String after = site.get("/en/").body();
    assertTrue(
        !before.contains("123.45") && after.contains("123.45"),
        "ticker value in the cached home page");
  }
}
