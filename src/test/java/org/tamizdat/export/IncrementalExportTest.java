package org.tamizdat.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Status;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.Probes;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.ticker.Quote;

/**
 * After any change, an incremental export must leave exactly the files a full export into an empty
 * directory would: the strongest check that it misses nothing.
 */
class IncrementalExportTest {
  static final Instant NOVEMBER = Instant.parse("2026-11-20T10:00:00Z");
  static final Instant OCTOBER = Instant.parse("2026-10-02T10:00:00Z");
  static final Instant SEPTEMBER = Instant.parse("2026-09-02T10:00:00Z");

  // One site for all tests (starting one is the slow part); each test exports afresh.
  @TempDir static Path dir;
  static TestApp site;
  static final MutableClock clock = new MutableClock(Instant.now());
  static final AtomicInteger exports = new AtomicInteger();
  Path out;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir.resolve("app"), TestDatabase.sqlite(dir), Map.of(), clock);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static void save(String slug, String title, Status status, Instant published, String tag) {
    Probes.save(site, Probes.article(slug, title, "A dek.", status, published, List.of(tag)));
  }

  static ExportReport export(Path to, boolean full) {
    ExportTarget primary = ExportTarget.of(site.app().config(), Optional.empty(), false);
    return site.app().export(to, primary, full, ExportProgress.NONE);
  }

  /** A full export to a new directory: the state each test's change is made against. */
  void exportNow() {
    out = dir.resolve("export-" + exports.incrementAndGet());
    assertFalse(export(out, false).incremental());
  }

  /** Runs an incremental export, then a full one elsewhere, and compares every file. */
  ExportReport assertIncrementalEqualsFull() {
    ExportReport incremental = export(out, false);
    Path full = dir.resolve("full-" + exports.incrementAndGet());
    export(full, true);
    Map<String, byte[]> expected = ExportFiles.read(full);
    Map<String, byte[]> actual = ExportFiles.read(out);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
    assertEquals(expected.size(), incremental.files());
    return incremental;
  }

  @Test
  void anEditedArticleIsRewrittenWithTheListingsThatShowIt() {
    save("export-probe-a", "A probe", Status.PUBLISHED, NOVEMBER, "Probe");
    exportNow();
    save("export-probe-a", "A probe, retitled", Status.PUBLISHED, NOVEMBER, "Probe");
    ExportReport report = assertIncrementalEqualsFull();
    assertTrue(report.incremental());
    assertTrue(report.written() >= 4, "article, listings and feeds: " + report.written());
    assertTrue(report.rendered() < report.files() / 2, report.toString());
  }

  @Test
  void aRedatedOrRetaggedArticleMovesEveryPageAfterIt() {
    save("export-probe-d", "D probe", Status.PUBLISHED, NOVEMBER, "Probe");
    exportNow();
    save("export-probe-d", "D probe", Status.PUBLISHED, OCTOBER, "Another tag");
    ExportReport report = assertIncrementalEqualsFull();
    assertTrue(report.incremental());
    assertFalse(Files.exists(out.resolve("en/2026/11/20/export-probe-d")));
  }

  @Test
  void anUnpublishedArticleAndItsEmptyTagLeave() {
    save("export-probe-b", "B probe", Status.PUBLISHED, SEPTEMBER, "Lonely tag");
    exportNow();
    assertTrue(Files.isDirectory(out.resolve("en/tag/lonely-tag")));
    save("export-probe-b", "B probe", Status.DRAFT, SEPTEMBER, "Lonely tag");
    ExportReport report = assertIncrementalEqualsFull();
    assertTrue(report.incremental());
    assertTrue(report.removed() >= 3, "article, tag page, the month's sitemap: " + report);
    assertFalse(Files.exists(out.resolve("en/2026/09/02/export-probe-b")));
    assertFalse(Files.exists(out.resolve("en/tag/lonely-tag")), "empty directories go too");
    assertFalse(Files.exists(out.resolve("sitemaps/articles-2026-09.xml")));
  }

  @Test
  void aScheduledArticleAppearsWhenItsTimeComesWithoutAnyWrite() {
    Instant soon = clock.instant().plus(Duration.ofMinutes(5));
    save("export-probe-c", "C probe", Status.PUBLISHED, soon, "Probe");
    exportNow();
    assertEquals(0, export(out, false).written(), "not yet public");
    clock.advance(Duration.ofMinutes(10));
    ExportReport report = assertIncrementalEqualsFull();
    assertTrue(report.incremental());
    assertTrue(report.written() > 0);
  }

  @Test
  void aNewTickerValueRendersEverything() {
    exportNow();
    site.app()
        .tickers()
        .record(
            List.of(
                new Quote(
                    "USD", Instant.now().plusSeconds(86_400), new BigDecimal("99.99"), "test")));
    site.app().changed();
    ExportReport report = assertIncrementalEqualsFull();
    assertFalse(report.incremental(), "the ticker is in every page's header");
    long pages =
        ExportFiles.read(out).keySet().stream()
            .filter(f -> f.endsWith(".html") && !f.equals("index.html"))
            .count();
    assertEquals(pages, report.written(), "every page with the header, and nothing else");
  }
}
