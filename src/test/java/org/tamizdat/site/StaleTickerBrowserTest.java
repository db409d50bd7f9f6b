package org.tamizdat.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.TestApp;
import org.tamizdat.ticker.Quote;

/** A reader's browser shows a stale ticker value differently, and says since when on hover. */
@Tag("browser")
class StaleTickerBrowserTest {
  @TempDir static Path dir;
  static TestApp app;
  static Playwright playwright;
  static Browser browser;
  static LocalDate oldDay;

  @BeforeAll
  static void start() {
    Chromium.require("StaleTickerBrowserTest");
    app = TestApp.start(dir, Map.of());
    oldDay = Quote.marketToday(Clock.systemUTC()).minusDays(6);
    app.setTicker("EUR", oldDay, "96.10");
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
  }

  @Test
  void theStaleValueIsDimmedAndTitledWithItsDate() {
    Page page = browser.newPage();
    page.navigate(app.baseUrl() + "/en/");
    Locator stale = page.locator(".ticker .quote.stale");
    assertThat(stale).hasCount(1);
    assertThat(stale.locator(".code")).hasText("EUR");
    assertThat(stale).isVisible();
    String date = new Dates(ZoneOffset.UTC).date(Language.EN, oldDay);
    assertThat(stale).hasAttribute("title", "Not updated since " + date);
    double opacity =
        Double.parseDouble((String) stale.evaluate("e => getComputedStyle(e).opacity"));
    assertTrue(opacity < 1, "stale item opacity " + opacity);
    assertEquals(
        "1", page.locator(".ticker .quote").first().evaluate("e => getComputedStyle(e).opacity"));
    page.navigate(app.baseUrl() + "/ru/");
    assertThat(page.locator(".ticker .quote.stale"))
        .hasAttribute(
            "title", "Не обновлялось с " + new Dates(ZoneOffset.UTC).date(Language.RU, oldDay));
    page.close();
  }
}
