package org.tamizdat.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.TestApp;

/**
 * The public site as a reader's browser sees it: real Chromium against the whole app with demo
 * content.
 */
@Tag("browser")
class BrowserTest {
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  private static final Path SHOTS = Paths.get("target/screenshots");

  @TempDir static Path dir;
  private static TestApp app;
  private static Playwright playwright;
  private static Browser browser;

  /**
   * An English article with a Russian translation, found over plain HTTP; the demo's first one
   * quotes witnesses.
   */
  private static String enArticle;

  private static String ruArticle;
  private BrowserContext context;

  @BeforeAll
  static void start() {
    Chromium.require("BrowserTest");
    app = TestApp.start(dir, Map.of());
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
    pickTranslatedArticle();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
  }

  @AfterEach
  void closeContext() {
    if (context != null) context.close();
  }

  @Test
  void readerGoesFromHomeToArticleToItsTranslation() {
    Page page = newPage(new Browser.NewContextOptions().setLocale("en-US"));
    Page ru = journey(page);

    // Compare with the bytes the server sent, so a charset slip on either side shows up.
    Document sent = Jsoup.parse(app.get(ruArticle).body());
    String h1 = ru.locator("h1.headline").textContent();
    assertTrue(CYRILLIC.matcher(h1).find(), h1);
    assertEquals(sent.selectFirst("h1.headline").wholeText(), h1);
    assertThat(ru.locator(".day-counter")).hasText(Pattern.compile("^День [1-9]\\d*$"));
  }

  @Test
  void journeyStaysOnOneOriginWithoutConsoleErrors() {
    Page page = newPage(new Browser.NewContextOptions().setLocale("en-US"));
    List<String> foreign = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    page.onRequest(r -> {
      if (r.url().matches("(?i)^https?:.*") && !r.url().startsWith(app.baseUrl() + "/"))
        foreign.add(r.url());
    });
    // CSP violations surface in Chromium as console errors ("Refused to load ...").
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) errors.add(m.text());
    });
    page.onPageError(errors::add);
    journey(page);
    assertEquals(List.of(), foreign, "requests to other origins");
    assertEquals(List.of(), errors, "console errors");
  }

  @Test
  void outdatedNoticeStaysHiddenInCurrentChromium() {
    Page page = newPage(new Browser.NewContextOptions());
    page.navigate(app.baseUrl() + "/en/");
    assertThat(page.locator("#outdated-browser")).isHidden();
  }

  @Test
  void outdatedNoticeShowsInEditionLanguageWhenAFeatureIsMissing() {
    Page page = newPage(new Browser.NewContextOptions());
    // Stands in for a browser that predates fetch; runs before the page's own scripts.
    context.addInitScript("delete window.fetch; window.fetch = undefined;");
    page.navigate(app.baseUrl() + "/en/");
    assertThat(page.locator("#outdated-browser")).isVisible();
    assertThat(page.locator("#outdated-browser")).containsText("Your browser is out of date");
    page.navigate(app.baseUrl() + "/ru/");
    assertThat(page.locator("#outdated-browser")).isVisible();
    assertThat(page.locator("#outdated-browser")).containsText("Ваш браузер устарел");
  }

  @Test
  void articleIsReadableWithJavaScriptOff() {
    Page page = newPage(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    page.navigate(app.baseUrl() + enArticle);
    assertThat(page.locator("h1.headline")).isVisible();
    assertThat(page.locator(".story .body")).isVisible();
    assertThat(page.locator(".story .body p").first()).isVisible();
    assertThat(page.locator(".story .body p").first()).not().isEmpty();
    assertThat(page.locator("#outdated-browser")).isHidden();
  }

  @Test
  void articleBodyHasParagraphsAndTestimonyWithJavaScriptOff() {
    Page page = newPage(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    page.navigate(app.baseUrl() + enArticle);
    Locator paragraphs = page.locator(".story .body > p");
    assertTrue(paragraphs.count() >= 3, "body paragraphs: " + paragraphs.count());
    assertThat(paragraphs.last()).isVisible();
    // The demo source quotes witnesses with "> ... — Name" blocks.
    assertThat(page.locator(".body figure.testimony").first()).isVisible();
    assertThat(page.locator(".body figure.testimony figcaption").first()).not().isEmpty();
  }

  @Test
  void screenshotsOfHomeArticleAndTranslation() throws Exception {
    Page page = newPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
    Files.createDirectories(SHOTS);
    for (var shot :
        Map.of("en-home", "/en/", "en-article", enArticle, "ru-article", ruArticle).entrySet()) {
      Path file = SHOTS.resolve(shot.getKey() + ".png");
      Files.deleteIfExists(file);
      page.navigate(app.baseUrl() + shot.getValue());
      page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
      // A blank or error page compresses to a few KB; a real page with images does not.
      assertTrue(Files.size(file) > 10_240, file + " is only " + Files.size(file) + " bytes");
    }
  }

  /**
   * Home → article (by clicking) → Russian translation (by the switch); returns the page on the
   * last step.
   */
  private Page journey(Page page) {
    page.navigate(app.baseUrl() + "/");
    assertEquals(
        app.baseUrl() + "/en/",
        page.url(),
        "Accept-Language en-US should pick the English edition");
    page.locator(".card .headline a[href='" + enArticle + "']").click();
    page.waitForURL(app.baseUrl() + enArticle);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .isVisible();
    assertThat(page.locator(".story .byline a[rel=author]").first()).isVisible();
    assertThat(page.locator(".story .meta time").first())
        .hasAttribute("datetime", Pattern.compile("^\\d{4}-\\d\\d-\\d\\d"));

    Locator quotes = page.locator(".ticker .quote");
    assertThat(quotes).hasCount(3);
    List<String> codes = List.of("USD", "EUR", "OIL");
    for (int i = 0; i < 3; i++) {
      assertThat(quotes.nth(i).locator(".code")).hasText(codes.get(i));
      assertThat(quotes.nth(i).locator(".value")).hasText(Pattern.compile("^\\d+([.,]\\d+)?$"));
    }
    assertThat(page.locator(".day-counter")).hasText(Pattern.compile("^Day [1-9]\\d*$"));

    page.locator(".lang-switch").click();
    page.waitForURL(app.baseUrl() + ruArticle);
    assertTrue(ruArticle.startsWith("/ru/2026/"), ruArticle);
    assertThat(page.locator("html")).hasAttribute("lang", "ru");
    return page;
  }

  private Page newPage(Browser.NewContextOptions options) {
    context = browser.newContext(options);
    return context.newPage();
  }

  /** The first home-page card whose article links a Russian translation. */
  private static void pickTranslatedArticle() {
    for (Element link : Jsoup.parse(app.get("/en/").body()).select(".card .headline a[href]")) {
      Document article = Jsoup.parse(app.get(link.attr("href")).body());
      Element ru = article.selectFirst("link[rel=alternate][hreflang=ru]");
      // Untranslated articles have no such link, and their language switch goes to the Russian
      // home.
      String ruPath = ru == null ? "" : URI.create(ru.attr("href")).getPath();
      if (ruPath.matches("/ru/\\d{4}/.+")) {
        enArticle = link.attr("href");
        ruArticle = ruPath;
        return;
      }
    }
    throw new AssertionError("no article on /en/ has a Russian translation");
  }
}
