package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.Status;
import org.tamizdat.search.bench.SearchBenchmark;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** The index on disk following the database: what gets in, what leaves, restarts and rebuilds. */
class SearchIndexTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(NOW);
  SearchFixture fx;

  @BeforeEach
  void open() {
    fx = new SearchFixture(TestDatabase.sqlite(dir), dir, clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void findsRussianAndEnglishWordsInAnyForm() {
    long ru = fx.save(Language.RU, "kontraktniki", "Вербовка", "Набор контрактников в Тулвинске.");
    long en = fx.save(Language.EN, "refusing", "Summons", "Students keep refusing the summons.");
    fx.start();
    assertEquals(List.of(ru), fx.ids(Language.RU, "контрактники"));
    assertEquals(List.of(en), fx.ids(Language.EN, "refused"));
    assertEquals(List.of(), fx.ids(Language.EN, "контрактники"), "editions are separate indexes");
  }

  @Test
  void aWordInTheHeadlineOutranksTheSameWordInTheBody() {
    long body =
        fx.save(Language.EN, "body", "Harvest report", "The sawmill was busy. The sawmill ran.");
    long title = fx.save(Language.EN, "title", "The sawmill", "A story about the forest.");
    fx.start();
    assertEquals(List.of(title, body), fx.ids(Language.EN, "sawmill"));
  }

  @Test
  void savesUpdatesAndUnpublishingReachTheIndexOnSync() {
    fx.start();
    long id = fx.save(Language.EN, "story", "Quarry", "The quarry flooded.");
    assertEquals(List.of(), fx.ids(Language.EN, "quarry"), "not before a sync");
    fx.index.syncNow();
    assertEquals(List.of(id), fx.ids(Language.EN, "quarry"));
    fx.save(Language.EN, "story", "Reservoir", "The reservoir flooded.");
    fx.index.syncNow();
    assertEquals(List.of(), fx.ids(Language.EN, "quarry"));
    assertEquals(List.of(id), fx.ids(Language.EN, "reservoir"));
    fx.save(Language.EN, "story", "Reservoir", "The reservoir.", Status.DRAFT, null, null);
    fx.index.syncNow();
    assertEquals(List.of(), fx.ids(Language.EN, "reservoir"));
  }

  @Test
  void scheduledArticlesAreIndexedOnlyOnceTheirTimeHasCome() {
    fx.start();
    long id =
        fx.save(
            Language.EN,
            "embargoed",
            "Embargo",
            "The ombudsman report.",
            Status.PUBLISHED,
            NOW.plus(Duration.ofHours(1)),
            null);
    fx.index.syncNow();
    assertEquals(List.of(), fx.ids(Language.EN, "ombudsman"));
    clock.advance(Duration.ofHours(2));
    fx.index.syncNow();
    assertEquals(List.of(id), fx.ids(Language.EN, "ombudsman"));
  }

  @Test
  void filtersBySectionAndDatesAndOrdersByDate() {
    long old =
        fx.save(
            Language.EN,
            "old",
            "Verdict one",
            "Court.",
            Status.PUBLISHED,
            NOW.minus(Duration.ofDays(30)),
            "courts");
    long recent =
        fx.save(
            Language.EN,
            "recent",
            "Verdict two",
            "Court verdict verdict.",
            Status.PUBLISHED,
            NOW.minus(Duration.ofDays(2)),
            "courts");
    long play =
        fx.save(
            Language.EN,
            "play",
            "Play",
            "A verdict on stage.",
            Status.PUBLISHED,
            NOW.minus(Duration.ofDays(1)),
            "culture");
    fx.start();
    assertEquals(3, fx.search(Language.EN, "verdict").total());
    assertEquals(
        List.of(play, recent, old),
        ids(fx.search(Language.EN, "verdict", null, null, null, SearchRequest.Order.NEWEST, 1)));
    assertEquals(
        List.of(recent, old),
        ids(
            fx.search(
                Language.EN, "verdict", "courts", null, null, SearchRequest.Order.NEWEST, 1)));
    LocalDate twoDaysAgo = LocalDate.of(2026, 11, 23);
    assertEquals(
        List.of(recent),
        ids(
            fx.search(
                Language.EN,
                "verdict",
                null,
                twoDaysAgo,
                twoDaysAgo,
                SearchRequest.Order.NEWEST,
                1)),
        "a one-day range includes the whole day");
  }

  @Test
  void pagesCountAndSliceTheHits() {
    for (int i = 0; i < 23; i++) {
      fx.save(Language.EN, "note-" + i, "Note " + i, "A lighthouse note.");
    }
    fx.start();
    PageOf<SearchHit> third =
        fx.search(Language.EN, "lighthouse", null, null, null, SearchRequest.Order.RELEVANCE, 3);
    assertEquals(23, third.total());
    assertEquals(3, third.pageCount());
    assertEquals(3, third.items().size());
    assertFalse(third.hasNext());
  }

  @Test
  void aRestartResumesFromWhereTheIndexStopped() throws IOException {
    long before = fx.save(Language.EN, "before", "Ferry", "The ferry sank.");
    fx.start();
    String generation = Files.readString(fx.indexRoot.resolve("current")).strip();
    fx.index.close();
    long during = fx.save(Language.EN, "during", "Ferry again", "Another ferry.");
    fx.restart();
    assertEquals(Set.of(before, during), Set.copyOf(fx.ids(Language.EN, "ferry")));
    assertEquals(
        generation,
        Files.readString(fx.indexRoot.resolve("current")).strip(),
        "caught up from the change log, not rebuilt");
  }

  @Test
  void anUnreadableIndexIsRebuiltAtStart() throws IOException {
    long id = fx.save(Language.RU, "les", "Лес", "Вырубка леса.");
    fx.start();
    String generation = Files.readString(fx.indexRoot.resolve("current")).strip();
    fx.index.close();
    Path en = fx.indexRoot.resolve("en").resolve(generation);
    try (Stream<Path> files = Files.list(en)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    fx.restart();
    assertEquals(List.of(id), fx.ids(Language.RU, "лес"));
    assertNotEquals(generation, Files.readString(fx.indexRoot.resolve("current")).strip());
  }

  @Test
  void aGenerationThatCannotBeOpenedIsNotSwitchedTo() throws IOException {
    fx.start();
    Files.writeString(fx.indexRoot.resolve("current"), "g1-0123abcd\n");
    long id = fx.save(Language.EN, "kept", "Tannery", "The tannery closed.");
    fx.index.syncNow();
    assertEquals(List.of(id), fx.ids(Language.EN, "tannery"), "still following on the old index");
  }

  @Test
  void aRebuildSwitchesOverWhileSearchesGoOn() throws Exception {
    for (int i = 0; i < 200; i++) {
      fx.save(Language.EN, "mill-" + i, "Mill " + i, "The paper mill, story " + i + ".");
    }
    fx.start();
    String oldGeneration = Files.readString(fx.indexRoot.resolve("current")).strip();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger searches = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader =
        Thread.ofPlatform()
            .start(() -> {
              while (!stop.get()) {
                try {
                  long total = fx.search(Language.EN, "mill").total();
                  if (total < 200) {
                    throw new AssertionError("saw " + total + " hits mid-rebuild");
                  }
                  searches.incrementAndGet();
                } catch (Throwable t) {
                  failure.compareAndSet(null, t);
                  return;
                }
              }
            });
    Reindexer.Result result = fx.index.reindexer().rebuild(ReindexProgress.none());
    long written = fx.save(Language.EN, "after", "Mill after", "Written after the rebuild.");
    fx.index.syncNow();
    stop.set(true);
    reader.join();
    if (failure.get() != null) {
      throw new AssertionError("a search failed during the rebuild", failure.get());
    }
    assertTrue(searches.get() > 0);
    assertEquals(200, result.total());
    assertEquals(result.generation(), Files.readString(fx.indexRoot.resolve("current")).strip());
    assertFalse(Files.exists(fx.indexRoot.resolve("en").resolve(oldGeneration)), "old deleted");
    assertFalse(Files.exists(fx.indexRoot.resolve("ru").resolve(oldGeneration)), "old deleted");
    assertTrue(fx.ids(Language.EN, "\"mill after\"").contains(written), "still following");
  }

  @Test
  void textTheGuardHookWithholdsNeverReachesTheIndex() throws IOException {
    fx.save(Language.EN, "source", "Leak", "The source is Inspector Halvard.");
    SearchableText guarded =
        article -> {
          IndexedArticle plain = SearchableText.plain().extract(article);
          return new IndexedArticle(
              plain.id(),
              plain.lang(),
              plain.title(),
              plain.dek(),
              plain.body().replace("Inspector Halvard", "[withheld]"),
              plain.sectionSlug(),
              plain.publishedAt());
        };
    try (SearchIndex index = new SearchIndex(dir.resolve("guarded"), fx.database, guarded, clock)) {
      index.start(3_600_000);
      Searcher searcher = new Searcher(index, java.time.ZoneOffset.UTC);
      SearchRequest halvard =
          new SearchRequest(
              Language.EN,
              UserQuery.of("Halvard"),
              null,
              null,
              null,
              SearchRequest.Order.RELEVANCE,
              1,
              10);
      assertEquals(0, searcher.search(halvard).page().total());
      assertEquals(
          1,
          searcher
              .search(
                  new SearchRequest(
                      Language.EN,
                      UserQuery.of("leak"),
                      null,
                      null,
                      null,
                      SearchRequest.Order.RELEVANCE,
                      1,
                      10))
              .page()
              .total());
    }
  }

  @Test
  void countsExactlyUpToAThousandAndThenSaysAtLeast() throws IOException {
    SearchBenchmark.load(fx.database, 2_400, clock);
    fx.start();
    Searcher.Results common =
        fx.searcher.search(
            new SearchRequest(
                Language.EN,
                UserQuery.of("court"),
                null,
                null,
                null,
                SearchRequest.Order.RELEVANCE,
                1,
                10));
    assertFalse(common.totalIsExact());
    assertTrue(common.page().total() >= Searcher.EXACT_COUNT_UP_TO, common.toString());
    assertEquals(10, common.page().items().size());
    Searcher.Results rare =
        fx.searcher.search(
            new SearchRequest(
                Language.EN,
                UserQuery.of("\"local courts\" barrels"),
                null,
                null,
                null,
                SearchRequest.Order.NEWEST,
                1,
                10));
    assertTrue(rare.totalIsExact());
  }

  static List<Long> ids(PageOf<SearchHit> page) {
    return page.items().stream().map(SearchHit::articleId).toList();
  }
}
