package org.tamizdat.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.article.Status;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.ticker.Quote;
import org.tamizdat.ticker.TickerRepository;

/**
 * The storage behaviour every engine must show. Subclasses say which engine; the same assertions
 * run on SQLite always and on PostgreSQL when a server is configured.
 */
abstract class StorageContract {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  TestDatabase testDatabase;
  Database database;
  CatalogRepository catalog;
  ArticleWriter writer;
  ArticleRepository articles;
  TickerRepository tickers;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    testDatabase = newDatabase();
    database = Database.open(testDatabase.url());
    database.migrate();
    ChangeLog log = new ChangeLog(clock);
    catalog = new CatalogRepository(database, log);
    writer = new ArticleWriter(database, log, new BodyRenderer(), clock);
    articles = new ArticleRepository(database, clock);
    tickers = new TickerRepository(database, log, clock);
    catalog.saveSection("courts", 0, Map.of(Language.EN, "Courts", Language.RU, "Суды"));
    catalog.saveSection("culture", 1, Map.of(Language.EN, "Culture", Language.RU, "Культура"));
    catalog.saveAuthor(
        "ada-fenn",
        Map.of(Language.EN, "Ada Fenn", Language.RU, "Ада Фенн"),
        Map.of(Language.EN, "Reporter."));
    catalog.saveAuthor(
        "ivo-lark", Map.of(Language.EN, "Ivo Lark", Language.RU, "Иво Ларк"), Map.of());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.close();
    }
  }

  ArticleInput input(
      Language lang,
      String slug,
      String group,
      Status status,
      Instant published,
      String section,
      List<String> tags) {
    return new ArticleInput(
        lang,
        slug,
        group,
        "Report",
        "Title of " + slug,
        "Dek of " + slug,
        "Body of *" + slug + "*.",
        section,
        List.of("ada-fenn", "ivo-lark"),
        tags,
        status,
        published,
        null,
        "demo-x.svg",
        "Caption");
  }

  @Test
  void savedArticleReadsBackWithBylinesTagsAndSection() {
    writer.save(
        input(
            Language.EN,
            "first-story",
            "g1",
            Status.PUBLISHED,
            NOW.minusSeconds(3600),
            "courts",
            List.of("Courts", "Prisons")));
    Article a = articles.findPublished(Language.EN, "first-story").orElseThrow();
    assertEquals("Title of first-story", a.title());
    assertEquals("courts", a.section().slug());
    assertEquals("Courts", a.section().name());
    assertEquals(List.of("Ada Fenn", "Ivo Lark"), a.authors().stream().map(w -> w.name()).toList());
    assertEquals(List.of("courts", "prisons"), a.tags().stream().map(t -> t.slug()).toList());
    assertTrue(a.bodyHtml().contains("first-story"), a.bodyHtml());
    assertEquals(NOW.minusSeconds(3600), a.publishedAt());
  }

  @Test
  void savingTheSameSlugAgainUpdatesInsteadOfDuplicating() {
    long first =
        writer.save(
            input(
                Language.EN,
                "same",
                null,
                Status.PUBLISHED,
                NOW.minusSeconds(60),
                "courts",
                List.of("A")));
    long second =
        writer.save(
            input(
                Language.EN,
                "same",
                null,
                Status.PUBLISHED,
                NOW.minusSeconds(60),
                "culture",
                List.of("B")));
    assertEquals(first, second);
    assertEquals(1, articles.list(Language.EN, new Filter.Edition(), 1, 10).total());
    Article a = articles.findPublished(Language.EN, "same").orElseThrow();
    assertEquals("culture", a.section().slug());
    assertEquals(List.of("b"), a.tags().stream().map(t -> t.slug()).toList());
  }

  @Test
  void draftsAndEmbargoedArticlesNeverShow() {
    writer.save(input(Language.EN, "draft-piece", null, Status.DRAFT, null, "courts", List.of()));
    writer.save(
        input(
            Language.EN,
            "embargoed",
            null,
            Status.PUBLISHED,
            NOW.plusSeconds(3600),
            "courts",
            List.of()));
    writer.save(
        input(
            Language.EN,
            "visible",
            null,
            Status.PUBLISHED,
            NOW.minusSeconds(1),
            "courts",
            List.of()));
    assertTrue(articles.findPublished(Language.EN, "draft-piece").isEmpty());
    assertTrue(articles.findPublished(Language.EN, "embargoed").isEmpty());
    PageOf<ArticleSummary> page = articles.list(Language.EN, new Filter.Edition(), 1, 10);
    assertEquals(List.of("visible"), page.items().stream().map(ArticleSummary::slug).toList());
  }

  @Test
  void listingsFilterPaginateAndOrderNewestFirst() {
    for (int i = 1; i <= 12; i++) {
      String section = i % 2 == 0 ? "courts" : "culture";
      writer.save(
          input(
              Language.EN,
              "story-" + i,
              null,
              Status.PUBLISHED,
              NOW.minusSeconds(10_000 - i),
              section,
              List.of(i % 3 == 0 ? "Three" : "Other")));
    }
    writer.save(
        input(
            Language.RU,
            "russkaya",
            null,
            Status.PUBLISHED,
            NOW.minusSeconds(5),
            "courts",
            List.of("Three")));
    PageOf<ArticleSummary> first = articles.list(Language.EN, new Filter.Edition(), 1, 5);
    assertEquals(12, first.total());
    assertEquals(3, first.pageCount());
    assertEquals("story-12", first.items().get(0).slug());
    assertEquals(
        List.of("Ada Fenn", "Ivo Lark"),
        first.items().get(0).authors().stream().map(w -> w.name()).toList());
    PageOf<ArticleSummary> last = articles.list(Language.EN, new Filter.Edition(), 3, 5);
    assertEquals(
        List.of("story-2", "story-1"), last.items().stream().map(ArticleSummary::slug).toList());
    assertFalse(last.hasNext());

    long courts = catalog.section(Language.EN, "courts").orElseThrow().id();
    assertEquals(6, articles.list(Language.EN, new Filter.InSection(courts), 1, 10).total());
    long three = catalog.tag(Language.EN, "three").orElseThrow().id();
    assertEquals(4, articles.list(Language.EN, new Filter.WithTag(three), 1, 10).total());
    long ada = catalog.author(Language.EN, "ada-fenn").orElseThrow().id();
    assertEquals(12, articles.list(Language.EN, new Filter.ByAuthor(ada), 1, 10).total());
    assertEquals(1, articles.list(Language.RU, new Filter.ByAuthor(ada), 1, 10).total());
  }

  @Test
  void tagAndAuthorListingsPageInOrder() {
    for (int i = 1; i <= 7; i++) {
      writer.save(
          input(
              Language.EN,
              "tagged-" + i,
              null,
              Status.PUBLISHED,
              NOW.minusSeconds(1000 - i),
              "courts",
              List.of("Paged")));
    }
    long paged = catalog.tag(Language.EN, "paged").orElseThrow().id();
    PageOf<ArticleSummary> second = articles.list(Language.EN, new Filter.WithTag(paged), 2, 3);
    assertEquals(7, second.total());
    assertEquals(
        List.of("tagged-4", "tagged-3", "tagged-2"),
        second.items().stream().map(ArticleSummary::slug).toList());
    assertEquals("Courts", second.items().get(0).section().name());
    long ada = catalog.author(Language.EN, "ada-fenn").orElseThrow().id();
    assertEquals(
        List.of("tagged-1"),
        articles.list(Language.EN, new Filter.ByAuthor(ada), 3, 3).items().stream()
            .map(ArticleSummary::slug)
            .toList());
  }

  @Test
  void publishedIndexSeesWhatReadersSee() {
    writer.save(
        input(
            Language.EN,
            "seen",
            "g",
            Status.PUBLISHED,
            NOW.minusSeconds(60),
            "courts",
            List.of("Tag")));
    writer.save(
        input(Language.RU, "vidno", "g", Status.PUBLISHED, NOW.minusSeconds(30), null, List.of()));
    writer.save(
        input(
            Language.EN, "later", "g", Status.PUBLISHED, NOW.plusSeconds(60), "courts", List.of()));
    writer.save(input(Language.EN, "draft", "g", Status.DRAFT, null, "courts", List.of()));
    long seq = database.read(ChangeLog::latestSeq);
    PublishedIndex index = new PublishedIndex(database);
    List<PublishedIndex.Entry> all = index.all(NOW);
    assertEquals(List.of("seen", "vidno"), all.stream().map(PublishedIndex.Entry::slug).toList());
    assertEquals("courts", all.get(0).sectionSlug());
    assertEquals("demo-x.svg", all.get(0).leadImage());
    assertEquals(2, index.groups(List.of("g"), NOW).get("g").size());
    assertEquals(
        List.of("vidno"),
        index.publishedBetween(NOW.minusSeconds(40), NOW, NOW).stream()
            .map(PublishedIndex.Entry::slug)
            .toList());
    assertEquals(List.of("tag"), index.tagSlugs(NOW).get(all.get(0).id()));
    assertEquals(List.of("ada-fenn", "ivo-lark"), index.authorSlugs(NOW).get(all.get(0).id()));
    assertEquals(List.of("ada-fenn", "ivo-lark"), catalog.authorSlugs());
    writer.save(
        input(
            Language.EN, "seen", "g", Status.PUBLISHED, NOW.minusSeconds(60), "courts", List.of()));
    List<ChangeLog.Change> since = database.read(h -> ChangeLog.since(h, seq));
    assertEquals(1, since.size());
    assertEquals("article", since.get(0).entity());
    assertEquals(all.get(0).id(), since.get(0).entityId());
  }

  @Test
  void translationsAreLinkedByGroupAndOnlyWhenPublished() {
    writer.save(
        input(
            Language.EN,
            "river",
            "river",
            Status.PUBLISHED,
            NOW.minusSeconds(100),
            "courts",
            List.of()));
    writer.save(
        input(
            Language.RU,
            "reka",
            "river",
            Status.PUBLISHED,
            NOW.minusSeconds(200),
            "courts",
            List.of()));
    Article en = articles.findPublished(Language.EN, "river").orElseThrow();
    assertEquals(
        List.of(new ArticleRepository.Translation(Language.RU, "reka", NOW.minusSeconds(200))),
        articles.translations(en));
    writer.save(input(Language.RU, "reka", "river", Status.DRAFT, null, "courts", List.of()));
    assertTrue(articles.translations(en).isEmpty());
  }

  @Test
  void tagsBelongToOneEditionAndNamesAreLocalized() {
    writer.save(
        input(
            Language.RU,
            "statya",
            null,
            Status.PUBLISHED,
            NOW.minusSeconds(1),
            "courts",
            List.of("Суды")));
    assertTrue(catalog.tag(Language.RU, "sudy").isPresent());
    assertTrue(catalog.tag(Language.EN, "sudy").isEmpty());
    Article ru = articles.findPublished(Language.RU, "statya").orElseThrow();
    assertEquals("Суды", ru.section().name());
    assertEquals(
        List.of("Ада Фенн", "Иво Ларк"), ru.authors().stream().map(w -> w.name()).toList());
  }

  @Test
  void aFailedSaveLeavesNothingBehind() {
    long before = database.read(ChangeLog::latestSeq);
    ArticleInput bad =
        new ArticleInput(
            Language.EN,
            "orphan",
            null,
            "",
            "Orphan",
            "",
            "text",
            "courts",
            List.of("nobody"),
            List.of("Lonely"),
            Status.PUBLISHED,
            NOW,
            null,
            null,
            null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> writer.save(bad));
    assertTrue(e.getMessage().contains("unknown author 'nobody'"), e.getMessage());
    assertTrue(articles.findPublished(Language.EN, "orphan").isEmpty());
    assertTrue(catalog.tag(Language.EN, "lonely").isEmpty());
    assertEquals(before, database.read(ChangeLog::latestSeq));
  }

  @Test
  void everyWriteAppendsToTheChangeLog() {
    long before = database.read(ChangeLog::latestSeq);
    writer.save(input(Language.EN, "logged", null, Status.PUBLISHED, NOW, "courts", List.of()));
    tickers.record(List.of(new Quote("USD", NOW, new BigDecimal("90.5"), "test")));
    assertEquals(before + 2, database.read(ChangeLog::latestSeq));
  }

  @Test
  void watcherSeesNewEntriesAndLateCommitsBelowTheMaximumOnce() {
    java.util.List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ChangeWatcher watcher = new ChangeWatcher(database)) {
      watcher.onChange(seen::add);
      writer.save(input(Language.EN, "watched", null, Status.PUBLISHED, NOW, "courts", List.of()));
      watcher.poke();
      assertEquals(1, seen.size(), "one event per change");
      watcher.poke();
      assertEquals(1, seen.size(), "no event without a change");
      // A transaction that took a lower number commits after a higher one was seen (PostgreSQL).
      long top = database.read(ChangeLog::latestSeq);
      database.write(h ->
          h.createUpdate("DELETE FROM change_log WHERE seq = :s").bind("s", top - 1).execute());
      watcher.poke();
      seen.clear();
      database.write(h ->
          h.createUpdate(
                  "INSERT INTO change_log (seq, entity, entity_id, at) VALUES (:s, 'article', 1, 0)")
              .bind("s", top - 1)
              .execute());
      watcher.poke();
      assertEquals(1, seen.size(), "a late commit below the maximum is noticed");
    }
  }

  @Test
  void migrationsAreIdempotent() {
    database.migrate();
    assertTrue(database.isHealthy());
  }
}
