package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.testing.TestApp;

/** The search pages over HTTP, on the demo newsroom. */
class SearchPagesTest {
  @TempDir static Path dir;
  static TestApp site;

  @BeforeAll
  static void start() {
    // Every test searches from the one client; the per-client limit is AbuseLimitsTest's subject.
    site = TestApp.start(dir, Map.of("SEARCH_RATE_LIMIT", "100000"));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(String path) {
    return site.get(path);
  }

  static Document page(String path) {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + " → " + response.body());
    return Jsoup.parse(response.body(), site.baseUrl());
  }

  static List<String> marks(Document page) {
    return page.select(".results .snippet mark").eachText();
  }

  @Test
  void resultsHaveHeadlineDateBylineAndAMarkedSnippet() {
    Document page = page("/en/search?q=refusing");
    List<Element> results = page.select("ol.results > li.result");
    assertEquals(3, results.size(), "the three English articles with “refused”");
    for (Element result : results) {
      assertNotNull(result.selectFirst("h2.headline a[href^=/en/2026/]"));
      assertNotNull(result.selectFirst(".meta time[datetime]"));
      assertNotNull(result.selectFirst(".meta .byline a[href^=/en/author/]"));
      assertEquals("refused", result.selectFirst(".snippet mark").text());
    }
    assertTrue(page.selectFirst(".search-summary").text().startsWith("3 articles found"));
    assertEquals("refusing", page.selectFirst("#search-q").val());
    assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
  }

  @Test
  void russianFindsOtherFormsAndIgnoresYo() {
    Document page = page("/ru/search?q=" + q("вахтерша"));
    assertEquals("ru", page.selectFirst("html").attr("lang"));
    assertTrue(
        page.selectFirst(".results h2 a").attr("href").contains("nochnye-oblavy"),
        "the dormitory raids report");
    assertTrue(marks(page).stream().allMatch(m -> m.toLowerCase().startsWith("вахтёрш")));
    assertTrue(page.selectFirst(".search-summary").text().startsWith("Найдено материалов"));
    assertEquals(1, page("/ru/search?q=" + q("облава")).select(".results li").size());
    assertEquals(
        page("/ru/search?q=" + q("ёмкость")).select(".results h2 a").eachAttr("href"),
        page("/ru/search?q=" + q("емкости")).select(".results h2 a").eachAttr("href"));
  }

  @Test
  void aWordInTheHeadlineRanksFirst() {
    String first = page("/en/search?q=shelter").selectFirst(".results h2 a").text();
    assertTrue(first.contains("shelter"), first);
  }

  @Test
  void quotesSearchForThePhrase() {
    assertEquals(1, page("/en/search?q=" + q("\"punishment cell\"")).select(".results li").size());
    assertEquals(
        List.of("punishment cell"), marks(page("/en/search?q=" + q("\"punishment cell\""))));
    assertEquals(0, page("/en/search?q=" + q("\"cell punishment\"")).select(".results li").size());
  }

  @Test
  void longResultListsArePagedWithTheSearchKept() {
    for (int i = 1; i <= 12; i++) {
      site.app().articleWriter().save(article("wombat-" + i, "Wombat census, district " + i));
    }
    site.app().changed();
    SearchFreshnessContract.within(site, "wombat", body -> body.contains("12 articles found"));
    Document first = page("/en/search?q=wombat&section=culture&sort=newest");
    assertEquals(SearchPages.PAGE_SIZE, first.select(".results li").size());
    String next = first.selectFirst(".pager a[rel=next]").attr("href");
    assertEquals("/en/search?q=wombat&section=culture&sort=newest&page=2", next);
    Document second = page(next);
    assertEquals(2, second.select(".results li").size());
    assertNotNull(second.selectFirst(".pager a[rel=prev]"));
    assertNull(second.selectFirst(".pager a[rel=next]"));
    assertEquals("Page 2 of 2", second.selectFirst(".pager span").text());
  }

  static ArticleInput article(String slug, String title) {
    return article(slug, title, "Field notes on " + title + ".");
  }

  static ArticleInput article(String slug, String title, String body) {
    return SearchFixture.input(
        Language.EN,
        slug,
        title,
        body,
        Status.PUBLISHED,
        Instant.parse("2026-11-20T10:00:00Z"),
        "culture");
  }

  @Test
  void filtersBySectionAndDateAndSortsByDate() {
    Document inSection = page("/en/search?q=water&section=investigations");
    assertFalse(inSection.select(".results li").isEmpty());
    assertEquals(
        List.of("/en/section/investigations"),
        inSection.select(".results .kicker a").eachAttr("href").stream().distinct().toList());
    assertEquals(
        "investigations", inSection.selectFirst("select[name=section] option[selected]").val());
    Document oneDay = page("/en/search?q=water&from=2026-11-18&to=2026-11-18");
    assertEquals(
        List.of("2026-11-18T09:00:00Z"), oneDay.select(".results time").eachAttr("datetime"));
    assertEquals("2026-11-18", oneDay.selectFirst("input[name=from]").val());
    List<String> dates =
        page("/en/search?q=police&sort=newest").select(".results time").eachAttr("datetime");
    assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
  }

  @Test
  void malformedFiltersAreIgnoredRatherThanRefused() {
    Document page =
        page("/en/search?q=water&section=nonsense&from=2026-13-45&to=x&sort=up&page=abc");
    assertFalse(page.select(".results li").isEmpty());
    assertEquals("", page.selectFirst("select[name=section] option[selected]").val());
  }

  @Test
  void anEmptyQueryShowsTheForm() {
    for (String path : List.of("/en/search", "/en/search?q=", "/en/search?q=+++", "/ru/search")) {
      Document page = page(path);
      assertNotNull(page.selectFirst("form.search-form input[name=q]"), path);
      assertNull(page.selectFirst(".results"), path);
      assertNotNull(page.selectFirst(".intro"), path);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unbalanced quote",
        "AND",
        "OR",
        "NOT",
        "+",
        "-",
        "AND OR NOT + -",
        "*",
        "*water",
        "?water",
        "water*",
        "(((water",
        "water~2",
        "title:water",
        "\\",
        "\u0000\u0001\u0007water\u001b",
        "\u202e\u200b",
        "😀",
      })
  void badQueriesNeverFail(String query) {
    HttpResponse<String> response = get("/en/search?q=" + q(query));
    assertEquals(200, response.statusCode(), query);
    assertNotNull(Jsoup.parse(response.body()).selectFirst("form.search-form"), query);
  }

  @Test
  void aVeryLongQueryIsShortenedOrRefusedButNeverFails() {
    Document shortened = page("/en/search?q=" + q("water ".repeat(160)));
    assertTrue(shortened.selectFirst(".notice").text().contains("200"));
    assertEquals(UserQuery.MAX_LENGTH, shortened.selectFirst("#search-q").val().length());
    // Past 1 KB the front handler refuses the address before search sees it.
    HttpResponse<String> tenKb = get("/en/search?q=" + "a".repeat(10 * 1024));
    assertEquals(414, tenKb.statusCode());
  }

  @Test
  void percentEncodingOfBrokenUtf8IsSearchedAsText() {
    assertEquals(200, get("/en/search?q=%E0%A4").statusCode());
    assertEquals(200, get("/en/search?q=%C0%AF%FF").statusCode());
  }

  @Test
  void theQueryIsEscapedWherePagesShowIt() {
    String attack = "\"><script>alert(1)</script>";
    HttpResponse<String> response = get("/en/search?q=" + q(attack));
    assertEquals(200, response.statusCode());
    assertFalse(response.body().contains("<script>alert(1)"), "reflected unescaped");
    Document page = Jsoup.parse(response.body());
    assertEquals(attack, page.selectFirst("#search-q").val());
  }

  @Test
  void articleTextInSnippetsIsEscaped() {
    site.app()
        .articleWriter()
        .save(
            article(
                "escaping-check",
                "A note on markup",
                "Readers wrote `<script>alert('quokka')</script>` into the form."));
    site.app().changed();
    SearchFreshnessContract.within(site, "quokka", body -> body.contains("escaping-check"));
    String body = get("/en/search?q=quokka").body();
    assertFalse(body.contains("<script>alert("), "article markup reached the page");
    assertTrue(body.contains("&lt;script&gt;alert('<mark>quokka</mark>')"), body);
  }

  @Test
  void searchPagesAreNeverCached() {
    HttpResponse<String> first = get("/en/search?q=water");
    assertEquals("no-store", first.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(first.headers().firstValue("ETag").isEmpty());
    assertTrue(get("/en/search?q=water").headers().firstValue("ETag").isEmpty());
  }

  @Test
  void everyPageHasASearchBoxInItsHeader() {
    for (String path :
        List.of(
            "/en/",
            "/ru/",
            "/en/section/politics",
            "/en/2026/11/18/sosnovy-yar-water-a-year-after-the-blast",
            "/en/search?q=water")) {
      Element form = page(path).selectFirst("header form.site-search");
      assertNotNull(form, path);
      assertEquals("get", form.attr("method"), path);
      assertEquals(path.substring(0, 3) + "/search", form.attr("action"), path);
      assertNotNull(form.selectFirst("input[type=search][name=q]"), path);
      assertNotNull(form.selectFirst("label[for=site-search-q]"), path);
    }
    Document missing = Jsoup.parse(get("/ru/no-such-page").body());
    assertEquals("/ru/search", missing.selectFirst("header form.site-search").attr("action"));
  }

  @Test
  void pagesStayWithinTheContentSecurityPolicy() {
    Document page = page("/en/search?q=water");
    assertTrue(page.select("[style]").isEmpty(), "no inline styles");
    assertTrue(page.select("script:not([src])").isEmpty(), "no inline scripts");
    assertTrue(page.select("form").stream().allMatch(f -> f.attr("action").startsWith("/")));
  }

  @Test
  void theLanguageSwitchKeepsTheQuery() {
    assertEquals(
        "/ru/search?q=Tulvinsk",
        page("/en/search?q=Tulvinsk").selectFirst("a.lang-switch").attr("href"));
    assertEquals("/en/search", page("/ru/search").selectFirst("a.lang-switch").attr("href"));
  }
}
