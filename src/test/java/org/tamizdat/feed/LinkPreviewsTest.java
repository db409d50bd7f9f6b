package org.tamizdat.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Status;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.Probes;
import org.tamizdat.testing.TestApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenGraph, Twitter card and JSON-LD NewsArticle on article pages. */
class LinkPreviewsTest {
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

  static Document page(String path) {
    return Jsoup.parse(site.get(path).body());
  }

  static String property(Document page, String key) {
    var tag = page.selectFirst("head meta[property=" + key + "]");
    return tag == null ? null : tag.attr("content");
  }

  static JsonNode jsonLd(Document page) {
    var scripts = page.select("script[type=application/ld+json]");
    assertEquals(1, scripts.size());
    return JsonMapper.builder().build().readTree(scripts.first().data());
  }

  @Test
  void openGraphAndTwitterDescribeTheArticle() {
    Document page = page(DemoPaths.EN_ARTICLE);
    String url = site.baseUrl() + DemoPaths.EN_ARTICLE;
    assertEquals("article", property(page, "og:type"));
    assertEquals(page.selectFirst("h1.headline").text(), property(page, "og:title"));
    assertEquals(page.selectFirst(".story .dek").text(), property(page, "og:description"));
    assertEquals(url, property(page, "og:url"));
    assertEquals("The Northern Lantern", property(page, "og:site_name"));
    assertEquals("en_US", property(page, "og:locale"));
    assertEquals("ru_RU", property(page, "og:locale:alternate"));
    assertEquals(
        site.baseUrl() + page.selectFirst("figure.lead img").attr("src"),
        property(page, "og:image"));
    assertEquals("2026-11-18T09:00:00Z", property(page, "article:published_time"));
    assertEquals("2026-11-19T10:15:00Z", property(page, "article:modified_time"));
    assertEquals("Investigations", property(page, "article:section"));
    assertEquals(
        List.of(
            site.baseUrl() + "/en/author/zoya-kremneva", site.baseUrl() + "/en/author/nadia-orlik"),
        page.select("meta[property=article:author]").eachAttr("content"));
    assertTrue(
        page.select("meta[property=article:tag]").eachAttr("content").contains("Environment"));
    assertEquals(
        "summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
    assertEquals(
        property(page, "og:image"), page.selectFirst("meta[name=twitter:image]").attr("content"));
  }

  @Test
  void jsonLdIsANewsArticleWithEverythingSearchEnginesAskFor() {
    Document page = page(DemoPaths.EN_ARTICLE);
    JsonNode article = jsonLd(page);
    String url = site.baseUrl() + DemoPaths.EN_ARTICLE;
    assertEquals("https://schema.org", article.get("@context").asString());
    assertEquals("NewsArticle", article.get("@type").asString());
    assertEquals(url, article.get("url").asString());
    assertEquals(url, article.get("mainEntityOfPage").asString());
    assertEquals(page.selectFirst("h1.headline").text(), article.get("headline").asString());
    assertEquals("en", article.get("inLanguage").asString());
    assertEquals("2026-11-18T09:00:00Z", article.get("datePublished").asString());
    assertEquals("2026-11-19T10:15:00Z", article.get("dateModified").asString());
    assertEquals("Zoya Kremneva", article.get("author").get(0).get("name").asString());
    assertEquals("Person", article.get("author").get(1).get("@type").asString());
    assertEquals(property(page, "og:image"), article.get("image").get(0).asString());
    assertEquals("The Northern Lantern", article.get("publisher").get("name").asString());
    assertTrue(
        article.get("publisher").get("logo").get("url").asString().startsWith(site.baseUrl()));
  }

  @Test
  void theEarlierVersionIsTheOriginalAndTheOtherItsTranslation() {
    String en = site.baseUrl() + DemoPaths.EN_ARTICLE;
    String ru = site.baseUrl() + DemoPaths.RU_ARTICLE;
    // The Russian version went out first (05:30 against 09:00 UTC).
    JsonNode original = jsonLd(page(DemoPaths.RU_ARTICLE));
    assertEquals(en, original.get("workTranslation").get(0).get("url").asString());
    assertEquals("en", original.get("workTranslation").get(0).get("inLanguage").asString());
    assertNull(original.get("translationOfWork"));
    JsonNode translation = jsonLd(page(DemoPaths.EN_ARTICLE));
    assertEquals(ru, translation.get("translationOfWork").get("@id").asString());
    assertNull(translation.get("workTranslation"));
    JsonNode alone = jsonLd(page(DemoPaths.EN_ONLY));
    assertNull(alone.get("workTranslation"));
    assertNull(alone.get("translationOfWork"));
  }

  @Test
  void markupInTextCannotEscapeTheScriptElement() {
    String title = "Tom & Jerry </script><script src=/x.js></script> <!-- end";
    Probes.save(
        site,
        Probes.article(
            "script-probe",
            title,
            "A dek with \u2028 a line separator",
            Status.PUBLISHED,
            Instant.parse("2026-11-20T08:00:00Z"),
            List.of()));
    String html = site.get("/en/2026/11/20/script-probe").body();
    String block = html.substring(html.indexOf("<script type=\"application/ld+json\">"));
    block = block.substring(0, block.indexOf("</script>"));
    assertFalse(block.substring(1).contains("<"), block);
    assertTrue(block.contains("\\u003c/script\\u003e"), block);
    Document page = Jsoup.parse(html);
    assertEquals(1, page.select("script[type=application/ld+json]").size());
    assertEquals(1, page.select("script[src]").size(), "no script smuggled in");
    assertTrue(jsonLd(page).get("headline").asString().contains("</script>"));
  }
}
