package org.tamizdat.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.testing.TestApp;

/** Small helpers shared by the multi-node tests: articles, their paths, and waiting for pages. */
final class Nodes {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneId.of("Europe/Riga"));

  private Nodes() {}

  static ArticleInput article(String slug, String title, Instant published) {
    return new ArticleInput(
        Language.EN,
        slug,
        null,
        "",
        title,
        "",
        "Field notes: " + title + ".",
        "society",
        List.of(),
        List.of(),
        Status.PUBLISHED,
        published,
        null,
        null,
        null);
  }

  static String path(String slug, Instant published) {
    return "/en/" + DAY.format(published) + "/" + slug;
  }

  static String search(String word) {
    return "/en/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
  }

  /** The body of {@code path} on {@code node} (empty unless 200). */
  static String body(TestApp node, String path) {
    var response = node.get(path);
    return response.statusCode() == 200 ? response.body() : "";
  }

  /** Waits until {@code done} holds for the page; returns the milliseconds since {@code since}. */
  static long await(TestApp node, String path, Predicate<String> done, long since, long limit) {
    return await(() -> done.test(body(node, path)), path, since, limit);
  }

  static long await(Supplier<Boolean> done, String what, long since, long limit) {
    while (true) {
      long elapsed = (System.nanoTime() - since) / 1_000_000;
      if (done.get()) {
        return elapsed;
      }
      assertTrue(elapsed < limit, what + " not as expected after " + elapsed + " ms");
      sleep(25);
    }
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
