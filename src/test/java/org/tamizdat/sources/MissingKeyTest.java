package org.tamizdat.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.PublicationRefused;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.testing.TestApp;

/** Without the key the site runs, says so, and fails closed for articles that link sources. */
class MissingKeyTest {
  @TempDir Path dir;

  @Test
  void serverStartsSaysSoAndKeepsLinkedArticlesUnpublished() {
    Path key = dir.resolve("sources.key");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (TestApp site = TestApp.start(dir, Map.of())) {
      String log = captured.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("sources key missing at " + key), log);
      assertEquals(200, site.get("/en/").statusCode());
      assertEquals(
          "sources key missing at " + key,
          site.app()
              .sourceKeys()
              .problem()
              .orElseThrow()
              .substring(0, 23 + key.toString().length()));
      SourcesUnreadable noKey =
          assertThrows(
              SourcesUnreadable.class,
              () -> site.app().sources().create("x", new SourceSecrets("A B", "", ""), 1));
      assertTrue(noKey.getMessage().startsWith("sources key missing at " + key));

      // A source stored earlier, under a key that is gone now.
      long source =
          site.app()
              .database()
              .write(h ->
                  h.createQuery(
                          """
                          INSERT INTO source (pseudonym, real_name, contacts, notes, key_id,
                            owner_id, created_at, updated_at)
                          VALUES ('Olga', 'v1:k1:AAAA', 'v1:k1:AAAA', 'v1:k1:AAAA', 'k1', 1, 0, 0)
                          RETURNING id
                          """)
                      .mapTo(Long.class)
                      .one());
      var writer = site.app().articleWriter();
      long id =
          writer.save(
              SourcesContract.article(
                  "quiet-town", "A quiet town", "Nothing to see.", Status.DRAFT, null));
      site.app().sources().link(id, source);
      PublicationRefused refused =
          assertThrows(
              PublicationRefused.class,
              () ->
                  writer.save(
                      SourcesContract.article(
                          "quiet-town",
                          "A quiet town",
                          "Nothing to see.",
                          Status.PUBLISHED,
                          SourcesContract.hourAgo())));
      assertTrue(
          refused.getMessage().contains("sources key missing at " + key), refused.getMessage());

      // Forced public anyway: still kept from readers.
      site.app()
          .database()
          .write(h -> {
            h.createUpdate(
                    "UPDATE article SET status = 'published', published_at = :at WHERE id = :id")
                .bind("at", SourcesContract.hourAgo().toEpochMilli())
                .bind("id", id)
                .execute();
            new ChangeLog(Clock.systemUTC()).append(h, "article", id);
            return null;
          });
      site.app().changed();
      assertFalse(site.get("/en/feed.atom").body().contains("quiet-town"));
      assertFalse(site.get("/en/").body().contains("quiet-town"));

      KeyFile.generate(key, new SecureRandom());
      assertTrue(site.app().sourceKeys().problem().isEmpty(), "found without a restart");
    } finally {
      System.setErr(original);
    }
  }
}
