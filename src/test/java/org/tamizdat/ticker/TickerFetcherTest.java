package org.tamizdat.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.FixtureServer.Reply;

/** Good answers from the local stand-ins land in history, dated as the sources date them. */
class TickerFetcherTest {
  @TempDir Path dir;
  FetchFixture f;

  @BeforeEach
  void open() {
    f = new FetchFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void cbrRatesAreStoredPerUnitForTheDayAsked() {
    f.server.serve(FetchFixture.CBR_PATH, Reply.file("cbr/daily.xml"));
    TickerFetcher.Outcome outcome = f.fetcher.fetch(f.cbr);
    assertEquals(new TickerFetcher.Outcome("cbr", 2, 2, List.of()), outcome);
    assertEquals("date_req=25/11/2026", f.server.requests().get(0).getRequestURI().getQuery());
    assertEquals("93.2221", f.latest("USD"));
    Quote eur = f.tickers.latest("EUR").orElseThrow().quote();
    assertEquals("cbr", eur.source());
    assertEquals(LocalDate.of(2026, 11, 25), eur.day());
    assertEquals(1, f.changes.get());
  }

  @Test
  void fetchingTheSameValuesAgainChangesNothing() {
    f.server.serve(FetchFixture.CBR_PATH, Reply.file("cbr/daily.xml"));
    f.fetcher.fetch(f.cbr);
    assertEquals(0, f.fetcher.fetch(f.cbr).changed());
    assertEquals(1, f.changes.get(), "no cache refresh for nothing new");
  }

  @Test
  void onAHolidayTheRatesAreStoredUnderTheDateCbrGives() {
    f.clock.set(Instant.parse("2027-01-02T09:00:00Z"));
    f.server.serve(FetchFixture.CBR_PATH, Reply.file("cbr/holiday.xml"));
    assertEquals(2, f.fetcher.fetch(f.cbr).changed());
    assertEquals("date_req=02/01/2027", f.server.requests().get(0).getRequestURI().getQuery());
    assertEquals(LocalDate.of(2026, 12, 31), f.tickers.latest("USD").orElseThrow().quote().day());
  }

  @Test
  void brentIsTheFrontMonthPriceFallingBackToSettlement() {
    f.server.serve(FetchFixture.MOEX_PATH, Reply.file("moex/last-null.json"));
    assertEquals(1, f.fetcher.fetch(f.moex).changed());
    String query = f.server.requests().get(0).getRequestURI().getQuery();
    assertTrue(query.contains("assets=BR"), query);
    Quote oil = f.tickers.latest(Instrument.OIL).orElseThrow().quote();
    assertEquals("63.12", f.latest(Instrument.OIL));
    assertEquals("moex", oil.source());
    assertEquals(LocalDate.of(2026, 11, 25), oil.day());
  }

  @Test
  void aSourceThatWorksAgainIsSaidOnce() {
    f.server.serve(FetchFixture.MOEX_PATH, Reply.status(404));
    f.fetcher.fetch(f.moex);
    f.server.serve(FetchFixture.MOEX_PATH, Reply.file("moex/brent.json"));
    f.fetcher.fetch(f.moex);
    f.fetcher.fetch(f.moex);
    assertEquals(List.of("ticker source moex: HTTP 404"), f.warnings);
    assertEquals(List.of("ticker source moex: working again"), f.notes);
  }

  @Test
  void backfillFillsEachDayAndReportsTheOnesThatFailed() throws Exception {
    f.clock.set(Instant.parse("2026-11-27T09:00:00Z"));
    f.server.serve(
        FetchFixture.CBR_PATH,
        Reply.byQuery(q ->
            switch (q) {
              case "date_req=25/11/2026" -> Reply.file("cbr/daily-25.xml");
              case "date_req=26/11/2026" -> Reply.file("cbr/daily-26.xml");
              default -> Reply.status(503);
            }));
    List<LocalDate> done = new java.util.ArrayList<>();
    CbrBackfill.Summary summary =
        new CbrBackfill(f.fetcher, f.cbr, java.time.Duration.ZERO)
            .run(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27), done::add);
    assertEquals(3, summary.days());
    assertEquals(4, summary.changed());
    assertEquals(List.of("2026-11-27: HTTP 503 after 3 attempts"), summary.failures());
    assertEquals(3, done.size());
    assertEquals(2, f.tickers.history("USD", 10).size());
    assertEquals("92.8", f.latest("USD"));
  }
}
