package org.tamizdat.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.testing.TestDatabase;

/** A database with two sections and an author, a writer, and a search index over it. */
final class SearchFixture implements AutoCloseable {
  final TestDatabase testDatabase;
  final Database database;
  final ArticleWriter writer;
  final Path indexRoot;
  final Clock clock;
  SearchIndex index;
  Searcher searcher;

  SearchFixture(TestDatabase testDatabase, Path dir, Clock clock) {
    this.testDatabase = testDatabase;
    this.clock = clock;
    this.indexRoot = dir.resolve("search");
    this.database = Database.open(testDatabase.url());
    database.migrate();
    ChangeLog log = new ChangeLog(clock);
    CatalogRepository catalog = new CatalogRepository(database, log);
    catalog.saveSection("courts", 0, Map.of(Language.EN, "Courts", Language.RU, "Суды"));
    catalog.saveSection("culture", 1, Map.of(Language.EN, "Culture", Language.RU, "Культура"));
    catalog.saveAuthor(
        "ada-fenn", Map.of(Language.EN, "Ada Fenn", Language.RU, "Ада Фенн"), Map.of());
    this.writer = new ArticleWriter(database, log, new BodyRenderer(), clock);
    this.index = newIndex();
  }

  SearchIndex newIndex() {
    SearchIndex fresh = new SearchIndex(indexRoot, database, SearchableText.plain(), clock);
    searcher = new Searcher(fresh, ZoneOffset.UTC);
    return fresh;
  }

  /** Starts with a poll too slow to matter: tests sync explicitly. */
  void start() {
    index.start(3_600_000);
  }

  /** Closes the index and opens it again from disk, as a restart would. */
  void restart() {
    index.close();
    index = newIndex();
    start();
  }

  long save(Language lang, String slug, String title, String body) {
    return save(lang, slug, title, body, Status.PUBLISHED, clock.instant().minusSeconds(60), null);
  }

  long save(
      Language lang,
      String slug,
      String title,
      String body,
      Status status,
      Instant published,
      String section) {
    return writer.save(input(lang, slug, title, body, status, published, section));
  }

  /** An article without bylines, so it saves in any database (the demo has other authors). */
  static ArticleInput input(
      Language lang,
      String slug,
      String title,
      String body,
      Status status,
      Instant published,
      String section) {
    return new ArticleInput(
        lang, slug, null, "", title, "", body, section, List.of(), List.of(), status, published,
        null, null, null);
  }

  PageOf<SearchHit> search(Language lang, String query) {
    return search(lang, query, null, null, null, SearchRequest.Order.RELEVANCE, 1);
  }

  PageOf<SearchHit> search(
      Language lang,
      String query,
      String section,
      LocalDate from,
      LocalDate to,
      SearchRequest.Order order,
      int page) {
    try {
      return searcher
          .search(new SearchRequest(lang, UserQuery.of(query), section, from, to, order, page, 10))
          .page();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Long> ids(Language lang, String query) {
    return search(lang, query).items().stream().map(SearchHit::articleId).toList();
  }

  @Override
  public void close() {
    index.close();
    database.close();
    testDatabase.close();
  }
}
