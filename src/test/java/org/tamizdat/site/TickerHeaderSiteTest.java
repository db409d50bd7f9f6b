package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.testing.TestApp;
import org.tamizdat.ticker.Quote;

/** The header as served: configured instruments, stale marks per edition, day counter labels. */
class TickerHeaderSiteTest {
  @TempDir static Path dir;
  static TestApp site;
  static LocalDate oldDay;

  @BeforeAll
  static void start() {
    site =
        TestApp.start(
            dir,
            Map.of(
                "TICKER_CURRENCIES", "USD,EUR,CNY",
                "DAY_COUNTER_LABEL_EN", "Day {days} of the full-scale war",
                "DAY_COUNTER_START_RU", "2022-02-24",
                "DAY_COUNTER_LABEL_RU", "{days}-й день войны"));
    oldDay = Quote.marketToday(Clock.systemUTC()).minusDays(10);
    site.setTicker("OIL", oldDay, "61.05");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Elements quotes(String path) {
    return Jsoup.parse(site.get(path).body()).select(".ticker .quote");
  }

  @Test
  void aNeverFetchedCurrencyHidesItsItem() {
    assertEquals(
        List.of("USD", "EUR", "OIL"),
        quotes("/en/").stream().map(q -> q.selectFirst(".code").text()).toList());
  }

  @Test
  void aStaleValueIsShownMarkedWithItsDateInEachEdition() {
    Dates dates = new Dates(ZoneOffset.UTC);
    Element en = quotes("/en/").get(2);
    assertEquals("quote flat stale", en.className());
    assertEquals("Not updated since " + dates.date(Language.EN, oldDay), en.attr("title"));
    assertEquals("61.05", en.selectFirst(".value").text());
    Element ru = quotes("/ru/").get(2);
    assertEquals("Не обновлялось с " + dates.date(Language.RU, oldDay), ru.attr("title"));
    assertEquals("61,05", ru.selectFirst(".value").text());
  }

  @Test
  void freshValuesCarryNoMark() {
    Element usd = quotes("/en/").get(0);
    assertEquals("quote down", usd.className(), "the demo's last USD value went down");
    assertFalse(usd.hasAttr("title"));
  }

  @Test
  void eachEditionHasItsOwnDayCounterWords() {
    Document en = Jsoup.parse(site.get("/en/").body());
    String counter = en.selectFirst(".day-counter").text();
    assertTrue(counter.matches("Day [1-9]\\d* of the full-scale war"), counter);
    ZoneId newsroom = site.app().config().timeZone();
    long sinceInvasion =
        ChronoUnit.DAYS.between(LocalDate.of(2022, 2, 24), LocalDate.now(newsroom)) + 1;
    Document ru = Jsoup.parse(site.get("/ru/").body());
    assertEquals(sinceInvasion + "-й день войны", ru.selectFirst(".day-counter").text());
  }
}
