package org.tamizdat.admin.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.admin.settings.DayCounterSettings;
import org.tamizdat.admin.settings.RuntimeSettings;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.config.DayCounterEdition;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.ticker.FetchStatusRepository;
import org.tamizdat.ticker.TickerFetcher;

/** Runtime settings, catalog editing and ticker fetch status on each engine. */
abstract class EditorialStorageContract {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  MigratedDatabase db;
  Database database;
  ChangeLog changeLog;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(newDatabase());
    database = db.database();
    changeLog = new ChangeLog(clock);
  }

  @AfterEach
  void close() {
    if (db != null) { // null when the database was skipped (no PostgreSQL)
      db.close();
    }
  }

  long latestSeq() {
    return database.read(ChangeLog::latestSeq);
  }

  @Test
  void dayCounterOverridesWinOverConfigurationUntilReset() {
    AtomicLong epoch = new AtomicLong(1);
    DayCounterEdition configured =
        new DayCounterEdition(Optional.of(LocalDate.parse("2022-02-24")), Optional.empty());
    DayCounterSettings counters =
        new DayCounterSettings(
            new RuntimeSettings(database, changeLog, clock),
            Map.of(Language.EN, configured, Language.RU, configured),
            epoch::get);
    assertEquals(configured, counters.edition(Language.EN));
    long seq = latestSeq();
    counters.save(
        Language.RU,
        Optional.of(
            new DayCounterSettings.Choice(
                Optional.of(LocalDate.parse("2023-03-14")), Optional.of("{days}-й день"))),
        7L);
    assertTrue(latestSeq() > seq, "a setting change is in the change log");
    assertEquals(
        new DayCounterEdition(
            Optional.of(LocalDate.parse("2023-03-14")), Optional.of("{days}-й день")),
        counters.edition(Language.RU));
    assertEquals(configured, counters.edition(Language.EN));
    counters.save(
        Language.EN,
        Optional.of(new DayCounterSettings.Choice(Optional.empty(), Optional.empty())),
        7L);
    assertEquals(Optional.empty(), counters.edition(Language.EN).start(), "hidden");
    counters.save(Language.EN, Optional.empty(), 7L);
    assertEquals(configured, counters.edition(Language.EN), "back to the configuration");

    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                counters.save(
                    Language.EN,
                    Optional.of(
                        new DayCounterSettings.Choice(Optional.empty(), Optional.of("Day N"))),
                    7L));
    assertTrue(bad.getMessage().contains("{days}"));
    assertThrows(IllegalArgumentException.class, () -> DayCounterSettings.parseStart("24.02.2022"));
  }

  @Test
  void anotherNodesSettingChangeIsReadInTheNextEpoch() {
    AtomicLong epoch = new AtomicLong(1);
    DayCounterEdition none = new DayCounterEdition(Optional.empty(), Optional.empty());
    Map<Language, DayCounterEdition> configured = Map.of(Language.EN, none, Language.RU, none);
    DayCounterSettings here =
        new DayCounterSettings(
            new RuntimeSettings(database, changeLog, clock), configured, epoch::get);
    assertEquals(none, here.edition(Language.EN));
    try (Database other = db.openAnother()) {
      new DayCounterSettings(new RuntimeSettings(other, changeLog, clock), configured, () -> 1)
          .save(
              Language.EN,
              Optional.of(
                  new DayCounterSettings.Choice(
                      Optional.of(LocalDate.parse("2024-01-01")), Optional.empty())),
              null);
    }
    assertEquals(none, here.edition(Language.EN), "read once per epoch");
    epoch.incrementAndGet();
    assertEquals(Optional.of(LocalDate.parse("2024-01-01")), here.edition(Language.EN).start());
  }

  @Test
  void catalogEditorKeepsNamesPerEditionPhotosAndTags() {
    CatalogEditor editor =
        new CatalogEditor(database, new CatalogRepository(database, changeLog), changeLog);
    editor.saveSection("news", 0, Map.of(Language.EN, "News", Language.RU, "Новости"));
    assertThrows(
        IllegalArgumentException.class,
        () -> editor.saveSection("war", 1, Map.of(Language.EN, "War")),
        "every edition needs a name");
    assertEquals(
        List.of("news"), editor.sections().stream().map(CatalogEditor.SectionEntry::slug).toList());
    assertEquals("Новости", editor.sections().getFirst().names().get(Language.RU));

    editor.saveAuthor(
        "vera",
        Map.of(Language.EN, "Vera", Language.RU, "Вера"),
        Map.of(Language.EN, "Reporter.", Language.RU, "Репортёр."),
        "authors/vera.jpg");
    CatalogEditor.AuthorEntry vera = editor.author("vera").orElseThrow();
    assertEquals("authors/vera.jpg", vera.photo());
    assertEquals("Репортёр.", vera.bios().get(Language.RU));
    for (String bad : List.of("../secret", "/etc/passwd", "a/../../b")) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              editor.saveAuthor("vera", Map.of(Language.EN, "V", Language.RU, "В"), Map.of(), bad),
          bad);
    }
    assertEquals("Vera", editor.author("vera").orElseThrow().names().get(Language.EN), "unchanged");
    editor.saveAuthor("vera", Map.of(Language.EN, "Vera", Language.RU, "Вера"), Map.of(), " ");
    assertNull(editor.author("vera").orElseThrow().photo());

    long seq = latestSeq();
    long tag = editor.createTag(Language.RU, "Выборы");
    assertTrue(latestSeq() > seq);
    assertThrows(IllegalArgumentException.class, () -> editor.createTag(Language.RU, "выборы"));
    editor.renameTag(tag, "Выборы-2026");
    CatalogEditor.TagEntry entry = editor.tags(Language.RU).getFirst();
    assertEquals("vybory", entry.slug(), "the address stays");
    assertEquals("Выборы-2026", entry.name());
    assertTrue(editor.tags(Language.EN).isEmpty());
  }

  @Test
  void theLastFetchOfEachSourceIsKeptWithItsProblems() {
    FetchStatusRepository status = new FetchStatusRepository(database, clock);
    status.record(new TickerFetcher.Outcome("cbr", 2, 2, List.of()));
    clock.advance(java.time.Duration.ofHours(3));
    status.record(new TickerFetcher.Outcome("cbr", 0, 0, List.of("HTTP 503", "timed out")));
    status.record(new TickerFetcher.Outcome("moex", 0, 0, List.of("bad JSON")));
    List<FetchStatusRepository.FetchStatus> all = status.all();
    assertEquals(
        List.of("cbr", "moex"),
        all.stream().map(FetchStatusRepository.FetchStatus::source).toList());
    FetchStatusRepository.FetchStatus cbr = all.getFirst();
    assertEquals(clock.instant(), cbr.attemptedAt());
    assertEquals(Instant.parse("2026-11-25T12:00:00Z"), cbr.succeededAt(), "the last that worked");
    assertEquals("HTTP 503\ntimed out", cbr.problems());
    assertNull(all.get(1).succeededAt());
  }
}
