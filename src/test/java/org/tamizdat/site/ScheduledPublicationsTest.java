package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** Cached pages follow a scheduled article going public, although nothing is written then. */
class ScheduledPublicationsTest {
  @TempDir Path dir;

  @Test
  void invalidatesOnceWhenTheScheduledTimePasses() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    try (TestDatabase testDb = TestDatabase.sqlite(dir);
        Database database = Database.open(testDb.url())) {
      database.migrate();
      ChangeLog log = new ChangeLog(clock);
      CatalogRepository catalog = new CatalogRepository(database, log);
      catalog.saveSection("news", 0, Map.of(Language.EN, "News"));
      catalog.saveAuthor("ed", Map.of(Language.EN, "Ed"), Map.of());
      new ArticleWriter(database, log, new BodyRenderer(), clock)
          .save(
              new ArticleInput(
                  Language.EN,
                  "embargoed",
                  null,
                  "",
                  "Embargoed",
                  "",
                  "Body.",
                  "news",
                  List.of("ed"),
                  List.of(),
                  Status.PUBLISHED,
                  Instant.parse("2026-11-25T10:01:00Z"),
                  null,
                  null,
                  null));
      AtomicInteger invalidations = new AtomicInteger();
      ScheduledPublications check =
          new ScheduledPublications(
              new ArticleRepository(database, clock), invalidations::incrementAndGet, clock);

      check.run();
      clock.advance(Duration.ofSeconds(30));
      check.run();
      assertEquals(0, invalidations.get(), "nothing is due yet");
      clock.advance(Duration.ofSeconds(31));
      check.run();
      assertEquals(1, invalidations.get(), "the article went public");
      check.run();
      assertEquals(1, invalidations.get(), "and only once");

      // Scheduled after a check (say, on another node) and due before the next one.
      new ArticleWriter(database, log, new BodyRenderer(), clock)
          .save(
              new ArticleInput(
                  Language.EN,
                  "quick-embargo",
                  null,
                  "",
                  "Quick embargo",
                  "",
                  "Body.",
                  "news",
                  List.of("ed"),
                  List.of(),
                  Status.PUBLISHED,
                  clock.instant().plusSeconds(1),
                  null,
                  null,
                  null));
      clock.advance(Duration.ofSeconds(2));
      check.run();
      assertEquals(2, invalidations.get(), "an article scheduled between checks is not missed");
    }
  }
}
