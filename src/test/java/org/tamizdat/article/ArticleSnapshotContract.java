package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.testing.TestDatabase;

/**
 * An export's snapshot answers exactly what the repository answers at the same moment: same
 * articles, same order, same bylines, tags and translations, nothing unpublished or scheduled. On
 * every engine (the snapshot has SQL of its own).
 */
abstract class ArticleSnapshotContract {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final int STORIES = 75; // more than one block of bodies

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  TestDatabase testDatabase;
  Database database;
  CatalogRepository catalog;
  ArticleRepository articles;
  final List<String> slugs = new ArrayList<>();

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    testDatabase = newDatabase();
    database = Database.open(testDatabase.url());
    database.migrate();
    ChangeLog log = new ChangeLog(clock);
    catalog = new CatalogRepository(database, log);
    articles = new ArticleRepository(database, clock);
    ArticleWriter writer = new ArticleWriter(database, log, new BodyRenderer(), clock);
    catalog.saveSection("courts", 0, Map.of(Language.EN, "Courts", Language.RU, "Суды"));
    catalog.saveSection("culture", 1, Map.of(Language.EN, "Culture"));
    catalog.saveAuthor("ada", Map.of(Language.EN, "Ada", Language.RU, "Ада"), Map.of());
    catalog.saveAuthor("ivo", Map.of(Language.EN, "Ivo"), Map.of(Language.EN, "Bio."));
    for (int i = 0; i < STORIES; i++) {
      Language lang = i % 3 == 0 ? Language.RU : Language.EN;
      // Every fifth a draft, every seventh scheduled for later; some share a publication time.
      Status status = i % 5 == 4 ? Status.DRAFT : Status.PUBLISHED;
      Instant published = i % 7 == 6 ? NOW.plusSeconds(600 + i) : NOW.minusSeconds(60L * (i / 2));
      String slug = "story-" + i;
      slugs.add(slug);
      writer.save(
          new ArticleInput(
              lang,
              slug,
              i % 4 == 0 ? null : "group-" + (i / 2),
              i % 2 == 0 ? "Report" : "",
              "Title \"" + i + "\"",
              i % 6 == 0 ? "" : "Dek -- " + i,
              "Body of *" + slug + "*.",
              i % 5 == 0 ? null : (i % 2 == 0 ? "courts" : "culture"),
              i % 2 == 0 ? List.of("ivo", "ada") : List.of("ada"),
              i % 3 == 1 ? List.of("Zeta", "alpha", "Beta " + (i % 4)) : List.of(),
              status,
              published,
              null,
              i % 2 == 0 ? "lead-" + i + ".svg" : null,
              i % 2 == 0 ? "Caption" : null));
    }
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

  @Test
  void answersWhatTheRepositoryAnswers() {
    ArticleSnapshot snapshot = ArticleSnapshot.load(database, NOW);
    assertTrue(snapshot.size() > 40 && snapshot.size() < STORIES, "drafts and scheduled left out");
    assertEquals(articles.nextPublication(), snapshot.nextPublication());
    for (Language lang : Language.values()) {
      List<Filter> filters = new ArrayList<>(List.of(new Filter.Edition()));
      catalog.sections(lang).forEach(s -> filters.add(new Filter.InSection(s.id())));
      for (String slug : List.of("ada", "ivo")) {
        filters.add(new Filter.ByAuthor(catalog.author(lang, slug).orElseThrow().id()));
      }
      for (String tag : List.of("zeta", "alpha", "beta-1", "beta-3")) {
        catalog.tag(lang, tag).ifPresent(t -> filters.add(new Filter.WithTag(t.id())));
      }
      for (Filter filter : filters) {
        String what = lang + " " + filter;
        assertArrayEquals(
            articles.listingIds(lang, filter), snapshot.listingIds(lang, filter), what);
        for (int page = 1; page <= 4; page++) {
          assertEquals(
              articles.list(lang, filter, page, 10), snapshot.list(lang, filter, page, 10), what);
        }
      }
      List<Long> ids = new ArrayList<>();
      for (long id : articles.listingIds(lang, new Filter.Edition())) {
        ids.add(id);
      }
      assertEquals(articles.summaries(lang, ids), snapshot.summaries(lang, ids));
      for (String slug : slugs) {
        assertEquals(articles.findPublished(lang, slug), snapshot.findPublished(lang, slug), slug);
        articles
            .findPublished(lang, slug)
            .ifPresent(a -> assertEquals(articles.translations(a), snapshot.translations(a), slug));
      }
    }
  }

  @Test
  void catalogSnapshotAnswersWhatTheCatalogAnswers() {
    CatalogSnapshot snapshot = new CatalogSnapshot(catalog);
    for (Language lang : Language.values()) {
      assertEquals(catalog.sections(lang), snapshot.sections(lang));
      assertEquals(catalog.section(lang, "culture"), snapshot.section(lang, "culture"));
      assertEquals(catalog.author(lang, "ivo"), snapshot.author(lang, "ivo"));
      assertEquals(catalog.author(lang, "nobody"), snapshot.author(lang, "nobody"));
      assertEquals(catalog.tag(lang, "alpha"), snapshot.tag(lang, "alpha"));
      assertEquals(catalog.tag(lang, "nothing"), snapshot.tag(lang, "nothing"));
    }
  }
}
