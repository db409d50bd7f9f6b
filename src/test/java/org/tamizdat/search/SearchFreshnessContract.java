package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * Publish, update and unpublish reach search results within two seconds, through the real writer
 * and over HTTP. Writes go straight through ArticleWriter without poking the app, as writes from
 * another process would: the change-log poll alone must carry them.
 */
abstract class SearchFreshnessContract {
  static final long LIMIT_MILLIS = 2_000;

  @TempDir Path dir;

  abstract TestDatabase newDatabase();

  @Test
  void publishUpdateAndUnpublishShowWithinTwoSeconds() {
    try (TestApp site = TestApp.start(dir, newDatabase(), Map.of())) {
      ArticleWriter writer = site.app().articleWriter();
      String slug = "freshness-check";
      String path = "/en/2026/11/20/" + slug;
      writer.save(article(slug, "Zebrafinch migration", Status.PUBLISHED));
      within(site, "zebrafinch", page -> page.contains(path));
      writer.save(article(slug, "Okapi sighting", Status.PUBLISHED));
      within(site, "okapi", page -> page.contains(path));
      assertTrue(!search(site, "zebrafinch").contains(path), "the old headline is gone");
      writer.save(article(slug, "Okapi sighting", Status.DRAFT));
      within(site, "okapi", page -> !page.contains(path));
    }
  }

  static ArticleInput article(String slug, String title, Status status) {
    return SearchFixture.input(
        Language.EN,
        slug,
        title,
        "Field notes: " + title + ".",
        status,
        Instant.parse("2026-11-20T10:00:00Z"),
        "society");
  }

  static String search(TestApp site, String query) {
    var response = site.get("/en/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode());
    return response.body();
  }

  static void within(TestApp site, String query, Predicate<String> done) {
    long start = System.nanoTime();
    while (true) {
      if (done.test(search(site, query))) {
        return;
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsed < LIMIT_MILLIS, "'" + query + "' not reflected after " + elapsed + " ms");
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
