package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DatedFixtures;
import org.tamizdat.testing.FixtureServer;
import org.tamizdat.testing.TestApp;
import org.tamizdat.ticker.Quote;

/**
 * {@code serve} with fetching on, against local stand-ins for CBR and MOEX: the jobs start, take
 * their leases, and the new values reach cached pages without anyone poking the cache.
 */
class TickerFetchingTest {
  static final String CBR = "/scripts/XML_daily.asp";

  @TempDir static Path dir;
  static FixtureServer upstreams;
  static TestApp site;

  @BeforeAll
  static void start() {
    LocalDate today = Quote.marketToday(Clock.systemUTC());
    upstreams =
        new FixtureServer()
            .serve(CBR, DatedFixtures.cbr(today))
            .serve("/iss/engines/futures/markets/forts/securities.json", DatedFixtures.moex(today));
    site =
        TestApp.start(
            dir,
            Map.of(
                "TICKER_FETCH", "on",
                "CBR_URL", upstreams.url(CBR),
                "MOEX_URL", upstreams.url("/iss")));
  }

  @AfterAll
  static void stop() {
    site.close();
    upstreams.close();
  }

  static List<String> values(String path) {
    return Jsoup.parse(site.get(path).body()).select(".ticker .value").eachText();
  }

  @Test
  void fetchedValuesReplaceTheDemoValuesInCachedPages() throws Exception {
    List<String> expected = List.of("93.22", "95.74", "63.47");
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<String> shown = values("/en/");
    while (!shown.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      shown = values("/en/");
    }
    assertEquals(expected, shown);
    assertEquals(List.of("93,22", "95,74", "63,47"), values("/ru/"));
    assertEquals("cbr", site.app().tickers().history("USD", 1).get(0).source());
    assertEquals("moex", site.app().tickers().history("OIL", 1).get(0).source());
  }

  @Test
  void eachSourceIsFetchedUnderItsOwnLease() throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<String> leases = List.of();
    while (leases.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      leases =
          site.app()
              .database()
              .read(h ->
                  h.createQuery(
                          "SELECT name FROM job_lease WHERE name LIKE 'ticker-%' ORDER BY name")
                      .mapTo(String.class)
                      .list());
    }
    assertEquals(List.of("ticker-cbr", "ticker-moex"), leases);
    assertTrue(upstreams.hits(CBR) >= 1);
  }
}
