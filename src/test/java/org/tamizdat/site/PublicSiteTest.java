package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;

/** What a reader gets from the public site, over real HTTP, on the demo newsroom. */
class PublicSiteTest {
  static final String EN_ARTICLE = "/en/2026/11/18/sosnovy-yar-water-a-year-after-the-blast";
  static final String RU_ARTICLE = "/ru/2026/11/18/sosnovyj-yar-voda-iz-bochki";
  static final String EN_ONLY = "/en/2026/11/08/tulvinsk-apartment-theatre-banned-plays";

  @TempDir static Path dir;
  static TestApp site;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Document html(String path) {
    HttpResponse<String> response = site.get(path);
    assertEquals(200, response.statusCode(), path + " → " + response.body());
    return Jsoup.parse(response.body(), site.baseUrl());
  }

  @Test
  void rootRedirectsToTheReadersLanguage() {
    assertEquals(
        "/ru/",
        site.get("/", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8")
            .headers()
            .firstValue("Location")
            .orElseThrow());
    assertEquals(
        "/en/",
        site.get("/", "Accept-Language", "de-DE, en;q=0.5, ru;q=0.3")
            .headers()
            .firstValue("Location")
            .orElseThrow());
    HttpResponse<String> plain = site.get("/");
    assertEquals(302, plain.statusCode());
    assertEquals("/en/", plain.headers().firstValue("Location").orElseThrow());
    assertEquals("Accept-Language", plain.headers().firstValue("Vary").orElseThrow());
    assertEquals("/ru/", site.get("/ru").headers().firstValue("Location").orElseThrow());
  }

  @Test
  void editionHomeListsLatestArticlesWithEverythingACardNeeds() {
    Document home = html("/en/");
    assertEquals("en", home.selectFirst("html").attr("lang"));
    List<Element> cards = home.select("article.card");
    assertEquals(ListingPages.PAGE_SIZE, cards.size());
    Element first = cards.get(0);
    assertNotNull(first.selectFirst(".kicker"));
    assertNotNull(first.selectFirst(".headline a[href^=/en/2026/]"));
    assertNotNull(first.selectFirst(".dek"));
    assertNotNull(first.selectFirst(".byline a[href^=/en/author/]"));
    assertNotNull(first.selectFirst("time[datetime]"));
    assertTrue(first.selectFirst("img").attr("src").startsWith("/media/demo-"));
    assertEquals("/en/page/2", home.selectFirst(".pager a[rel=next]").attr("href"));
    assertFalse(home.text().contains("DRAFT"), "drafts never reach a listing");
    assertEquals(3, home.select(".ticker .quote").size());
    assertTrue(home.selectFirst(".day-counter").text().matches("Day \\d+"));
  }

  @Test
  void articlePageHasTheWholeAnatomy() {
    Document page = html(EN_ARTICLE);
    assertEquals("Investigation", page.selectFirst(".story .kicker").text());
    assertEquals(
        "A year after the blast, Sosnovy Yar still drinks from a truck",
        page.selectFirst("h1.headline").text());
    assertTrue(page.selectFirst(".story .dek").text().startsWith("Our tests of village wells"));
    assertEquals(
        List.of("/en/author/zoya-kremneva", "/en/author/nadia-orlik"),
        page.select(".byline a").eachAttr("href"));
    assertEquals("November 18, 2026", page.selectFirst(".dates time").text());
    assertTrue(
        page.select(".dates").text().contains("Updated November 19, 2026"),
        page.select(".dates").text());
    assertEquals(3, page.select(".body figure.testimony > blockquote + figcaption").size());
    assertTrue(page.select(".tags a").eachAttr("href").contains("/en/tag/environment"));
    assertEquals(
        site.app().config().baseUrl() + EN_ARTICLE,
        page.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals(
        site.app().config().baseUrl() + RU_ARTICLE,
        page.selectFirst("link[rel=alternate][hreflang=ru]").attr("href"));
    assertEquals(
        site.app().config().baseUrl() + EN_ARTICLE,
        page.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
    assertEquals(RU_ARTICLE, page.selectFirst("a.lang-switch").attr("href"));
    assertEquals(
        "/en/section/investigations",
        page.selectFirst(".sections a[aria-current=page]").attr("href"));
  }

  @Test
  void typographyFollowsTheEditionsLanguage() {
    Document en = html("/en/2026/11/19/staro-ilinsk-teacher-sentenced-for-pupils-drawing");
    Document ru = html(RU_ARTICLE);
    String enBody = en.selectFirst(".body").text();
    String ruBody = ru.selectFirst(".body").text();
    assertFalse(enBody.contains("\""), "straight quotes left in English body");
    assertTrue(enBody.contains("“") || enBody.contains("’"), "English curly quotes or apostrophes");
    assertFalse(ruBody.contains("\""), "straight quotes left in Russian body");
    assertTrue(ruBody.contains("«") && ruBody.contains("»"), "Russian «ёлочки»");
    String raw = site.get(RU_ARTICLE).body();
    assertTrue(
        raw.contains(" в\u00a0") || raw.contains(" в&nbsp;"),
        "non-breaking space after the preposition «в»");
  }

  @Test
  void languageSwitchFallsBackToTheOtherHomeWithoutATranslation() {
    Document page = html(EN_ONLY);
    assertEquals("/ru/", page.selectFirst("a.lang-switch").attr("href"));
    assertTrue(page.select("link[rel=alternate][hreflang=ru]").isEmpty());
  }

  @Test
  void russianEditionIsInRussianAndDeclaresUtf8() {
    HttpResponse<String> response = site.get(RU_ARTICLE);
    assertEquals(
        "text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    Document page = Jsoup.parse(response.body());
    assertEquals("utf-8", page.selectFirst("meta[charset]").attr("charset"));
    assertEquals("ru", page.selectFirst("html").attr("lang"));
    assertEquals(
        "Год после взрыва: Сосновый Яр по-прежнему пьёт воду из бочки",
        page.selectFirst("h1").text().replace('\u00a0', ' '));
    assertTrue(page.selectFirst(".day-counter").text().startsWith("День "));
    assertEquals("18 ноября 2026", page.selectFirst(".dates time").text());
    assertEquals("НЕФТЬ", page.select(".ticker .code").get(2).text());
  }

  @Test
  void sectionTagAndAuthorPagesFilter() {
    Document section = html("/en/section/investigations");
    assertEquals("Investigations", section.selectFirst("h1").text());
    assertFalse(section.select("article.card").isEmpty());
    Document tag = html("/ru/tag/ekologiya");
    assertTrue(tag.selectFirst("h1").text().contains("Экология"), tag.selectFirst("h1").text());
    Document author = html("/en/author/zoya-kremneva");
    assertEquals("Zoya Kremneva", author.selectFirst("h1").text());
    assertTrue(author.selectFirst(".intro").text().startsWith("Investigations editor"));
    for (Element byline : author.select("article.card .byline")) {
      assertTrue(byline.text().contains("Zoya Kremneva"), byline.text());
    }
    assertEquals("/ru/author/zoya-kremneva", author.selectFirst("a.lang-switch").attr("href"));
  }

  @Test
  void badAddressesGetCleanLocalizedErrors() {
    HttpResponse<String> ru404 = site.get("/ru/2026/01/01/net-takoy-stati");
    assertEquals(404, ru404.statusCode());
    assertTrue(ru404.body().contains("Страница не найдена"), ru404.body());
    assertEquals(404, site.get("/xx/").statusCode());
    assertTrue(site.get("/xx/").body().contains("Page not found"));
    assertEquals(404, site.get("/en/2026/11/18/Bad_Slug!").statusCode());
    assertEquals(404, site.get("/en/section/no-such-section").statusCode());
    assertEquals(404, site.get("/en/page/99").statusCode());
    assertEquals(404, site.get("/en/page/abc").statusCode());
    assertEquals(404, site.get("/en/page/0").statusCode());
    assertEquals(400, site.get("/en/?page=abc").statusCode());
    assertEquals(400, site.get("/en/?page=0").statusCode());
    assertEquals(414, site.get("/en/" + "a".repeat(600)).statusCode());
    assertEquals(414, site.get("/en/?q=" + "b".repeat(2000)).statusCode());
    HttpResponse<String> post = site.send("POST", "/en/");
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    for (HttpResponse<String> r : List.of(ru404, post)) {
      assertFalse(
          r.body().contains("Exception") || r.body().contains("at org."),
          "no stack trace to readers");
    }
  }

  @Test
  void wrongDateInAnArticleAddressRedirectsToTheCanonicalOne() {
    HttpResponse<String> response =
        site.get("/en/2020/01/01/sosnovy-yar-water-a-year-after-the-blast");
    assertEquals(301, response.statusCode());
    assertEquals(EN_ARTICLE, response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void listingPagesArePathsAndOldQueryLinksAreRedirected() {
    assertEquals(200, site.get("/en/page/2").statusCode());
    assertEquals(200, site.get("/en/section/investigations").statusCode());
    assertEquals(
        "/en/page/2", site.get("/en/?page=2").headers().firstValue("Location").orElseThrow());
    assertEquals("/en/", site.get("/en/page/1").headers().firstValue("Location").orElseThrow());
    assertEquals(
        "/ru/author/zoya-kremneva",
        site.get("/ru/author/zoya-kremneva?page=1").headers().firstValue("Location").orElseThrow());
    assertEquals(404, site.get("/en/page/02").statusCode());
  }

  @Test
  void draftIsNotReachable() {
    assertEquals(404, site.get("/en/2026/11/24/draft-regional-budget-cuts-notes").statusCode());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/en/", EN_ARTICLE, "/nope", "/healthz", "/")) {
      HttpResponse<String> r = site.get(path);
      String csp =
          r.headers()
              .firstValue("Content-Security-Policy")
              .orElseThrow(() -> new AssertionError(path));
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertTrue(csp.contains("script-src 'self'"), csp);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
      assertTrue(r.headers().firstValue("Onion-Location").isEmpty(), "no onion service set");
    }
  }

  @Test
  void pagesLoadNothingFromOtherOriginsAndRunNoInlineCode() {
    for (String path : List.of("/en/", "/ru/", EN_ARTICLE, RU_ARTICLE, "/en/author/nadia-orlik")) {
      Document page = html(path);
      for (Element el : page.select("script[src], link[rel=stylesheet], img, link[rel=icon]")) {
        String url = el.hasAttr("src") ? el.attr("src") : el.attr("href");
        assertTrue(url.startsWith("/"), path + " loads " + url);
      }
      // JSON-LD is data, never executed: script-src does not apply to it.
      assertTrue(
          page.select("script:not([src]):not([type=application/ld+json])").isEmpty(),
          "inline script on " + path);
      assertTrue(page.select("style, [style]").isEmpty(), "inline style on " + path);
      assertTrue(
          page.select("[onclick], [onload], [onerror]").isEmpty(), "event handler on " + path);
      Element notice = page.selectFirst("#outdated-browser");
      assertTrue(notice.hasAttr("hidden"), "notice is hidden until the script reveals it");
    }
  }

  @Test
  void assetsAndMediaAreServedWithTheRightTypes() {
    Document home = html("/en/");
    String css = home.selectFirst("link[rel=stylesheet]").attr("href");
    assertTrue(css.matches("/assets/site\\.[0-9a-f]{10}\\.css"), css);
    HttpResponse<String> style = site.get(css);
    assertEquals(200, style.statusCode());
    assertEquals(
        "text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(style.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
    assertEquals(404, site.get("/assets/site.0000000000.css").statusCode());
    String image = home.selectFirst("article.card img").attr("src");
    HttpResponse<String> svg = site.get(image);
    assertEquals(200, svg.statusCode());
    assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(404, site.get("/media/..%2Ftamizdat.db").statusCode());
    assertEquals(404, site.get("/media/tamizdat.db").statusCode());
  }

  @Test
  void healthCheckAnswers() {
    HttpResponse<String> r = site.get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("ok", r.body());
  }
}
