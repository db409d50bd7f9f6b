package org.tamizdat.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.ticker.TickerItem.Direction;

/** Ticker history on each engine: what is written, what the header shows, and when it is stale. */
abstract class TickerStorageContract {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  MigratedDatabase db;
  TickerRepository tickers;
  TickerHeader header;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(newDatabase());
    tickers = new TickerRepository(db.database(), new ChangeLog(clock), clock);
    header =
        new TickerHeader(
            tickers,
            List.of(
                new Instrument("USD", Duration.ofDays(4)),
                new Instrument("EUR", Duration.ofDays(4)),
                new Instrument("OIL", Duration.ofDays(3))),
            clock);
  }

  @AfterEach
  void close() {
    if (db != null) { // null when the database was skipped (no PostgreSQL)
      db.close();
    }
  }

  static Quote quote(String code, int daysAgo, String value) {
    return Quote.onDay(code, TODAY.minusDays(daysAgo), new BigDecimal(value), "test");
  }

  long changeSeq() {
    return db.database().read(ChangeLog::latestSeq);
  }

  @Test
  void onlyNewDaysAndChangedValuesAreWrittenAndLogged() {
    long start = changeSeq();
    assertEquals(2, tickers.record(List.of(quote("USD", 1, "90.10"), quote("USD", 0, "89.02"))));
    assertEquals(start + 1, changeSeq(), "one change-log row per batch");
    assertEquals(0, tickers.record(List.of(quote("USD", 0, "89.020000"))), "same value again");
    assertEquals(start + 1, changeSeq(), "nothing new, nothing logged");
    assertEquals(1, tickers.record(List.of(quote("USD", 0, "89.5"))), "changed during the day");
    assertEquals(start + 2, changeSeq());
    assertEquals(2, tickers.history("USD", 10).size());
    assertEquals(0, new BigDecimal("89.5").compareTo(tickers.history("USD", 1).get(0).value()));
  }

  @Test
  void historyKeepsSourceAndDay() {
    tickers.record(List.of(Quote.onDay("EUR", TODAY, new BigDecimal("95.7412"), "cbr")));
    Quote stored = tickers.history("EUR", 1).get(0);
    assertEquals("cbr", stored.source());
    assertEquals(TODAY, stored.day());
    assertEquals(0, new BigDecimal("95.7412").compareTo(stored.value()));
  }

  @Test
  void ratesKeepSixDecimals() {
    tickers.record(List.of(quote("JPY", 0, "0.612345")));
    assertEquals(0, new BigDecimal("0.612345").compareTo(tickers.history("JPY", 1).get(0).value()));
  }

  @Test
  void directionComparesWithThePreviousDistinctValue() {
    tickers.record(
        List.of(
            quote("USD", 3, "90.00"),
            quote("USD", 2, "91.00"),
            quote("USD", 1, "91.00"),
            quote("USD", 0, "91.00"),
            quote("EUR", 1, "96.00"),
            quote("EUR", 0, "95.00"),
            quote("OIL", 0, "64.10")));
    List<TickerItem> items = header.items();
    assertEquals(List.of("USD", "EUR", "OIL"), items.stream().map(TickerItem::code).toList());
    assertEquals(Direction.UP, items.get(0).direction(), "91 after 91, 91 and 90 is up");
    assertEquals(Direction.DOWN, items.get(1).direction());
    assertEquals(Direction.FLAT, items.get(2).direction(), "nothing to compare with");
  }

  @Test
  void neverFetchedInstrumentsHaveNoItem() {
    tickers.record(List.of(quote("EUR", 0, "95.00")));
    assertEquals(List.of("EUR"), header.items().stream().map(TickerItem::code).toList());
  }

  @Test
  void valuesOlderThanTheirMaximumAgeAreStale() {
    tickers.record(List.of(quote("USD", 4, "90.00"), quote("OIL", 3, "64.00")));
    // 09:00 UTC is 12:00 in Moscow: the USD day started 4 days and 12 hours ago.
    List<TickerItem> items = header.items();
    assertTrue(items.get(0).stale(), "CBR allows 4 days");
    assertTrue(items.get(1).stale(), "Brent allows 3 days");
    assertEquals(TODAY.minusDays(4), items.get(0).day());
    clock.set(Instant.parse("2026-11-24T20:00:00Z"));
    items = header.items();
    assertFalse(items.get(0).stale(), "23:00 in Moscow: 3 days 23 hours");
    assertFalse(items.get(1).stale());
  }

  @Test
  void staleWatchFiresOnlyWhenTheStaleSetChanges() {
    tickers.record(List.of(quote("USD", 3, "90.00")));
    int[] fired = {0};
    StaleWatch watch = new StaleWatch(header, () -> fired[0]++);
    watch.run();
    watch.run();
    assertEquals(0, fired[0], "first run sets the baseline; nothing changed since");
    clock.advance(Duration.ofDays(1));
    watch.run();
    assertEquals(1, fired[0], "USD turned stale");
    watch.run();
    assertEquals(1, fired[0]);
    tickers.record(List.of(quote("USD", -1, "91.00")));
    watch.run();
    assertEquals(2, fired[0], "a fresh value clears the mark");
  }
}
