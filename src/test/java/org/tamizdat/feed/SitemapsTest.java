package org.tamizdat.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.Probes;
import org.tamizdat.testing.TestApp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Sitemaps parse as XML in the sitemap, xhtml and news namespaces, and list what they should. */
class SitemapsTest {
  @TempDir static Path dir;
  static TestApp site;
  static String fresh;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir, Map.of());
    Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    Probes.save(
        site,
        Probes.article(
            "fresh-news", "Fresh news & more", "", Status.PUBLISHED, hourAgo, List.of()));
    fresh =
        site.baseUrl()
            + new org.tamizdat.site.Urls(
                    site.app().config().baseUrl(), site.app().config().timeZone())
                .article(Language.EN, hourAgo, "fresh-news");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Document xml(String path) throws Exception {
    HttpResponse<byte[]> response = site.getBytes(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals(
        "application/xml; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow(),
        path);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
  }

  static List<Element> elements(Document doc, String ns, String name) {
    List<Element> found = new ArrayList<>();
    var nodes = doc.getElementsByTagNameNS(ns, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static String child(Element parent, String ns, String name) {
    return parent.getElementsByTagNameNS(ns, name).item(0).getTextContent();
  }

  /** Every URL of every per-month file, with its hreflang alternates. */
  static Map<String, Map<String, String>> articleUrls() throws Exception {
    Map<String, Map<String, String>> urls = new HashMap<>();
    for (Element sitemap : elements(xml("/sitemap.xml"), Sitemaps.NS, "sitemap")) {
      String loc = child(sitemap, Sitemaps.NS, "loc");
      if (!loc.contains("/sitemaps/articles-")) {
        continue;
      }
      Document month = xml(loc.substring(site.baseUrl().length()));
      for (Element url : elements(month, Sitemaps.NS, "url")) {
        Map<String, String> alternates = new HashMap<>();
        for (Element link : elements(url.getOwnerDocument(), Sitemaps.XHTML, "link")) {
          if (link.getParentNode() == url) {
            alternates.put(link.getAttribute("hreflang"), link.getAttribute("href"));
          }
        }
        assertTrue(
            urls.put(child(url, Sitemaps.NS, "loc"), alternates) == null, "listed once: " + url);
      }
    }
    return urls;
  }

  @Test
  void indexListsEveryFileAndEveryFileParses() throws Exception {
    Document index = xml("/sitemap.xml");
    assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
    assertEquals(Sitemaps.NS, index.getDocumentElement().getNamespaceURI());
    List<String> locs =
        elements(index, Sitemaps.NS, "loc").stream().map(Element::getTextContent).toList();
    assertTrue(locs.contains(site.baseUrl() + "/sitemaps/pages.xml"), locs.toString());
    assertTrue(locs.contains(site.baseUrl() + "/sitemaps/articles-2026-11.xml"), locs.toString());
    assertTrue(locs.contains(site.baseUrl() + "/sitemaps/news.xml"), locs.toString());
    for (String loc : locs) {
      Document file = xml(loc.substring(site.baseUrl().length()));
      assertEquals("urlset", file.getDocumentElement().getLocalName(), loc);
      assertEquals(Sitemaps.NS, file.getDocumentElement().getNamespaceURI(), loc);
    }
    assertEquals(404, site.get("/sitemaps/articles-1999-01.xml").statusCode());
    assertEquals(404, site.get("/sitemaps/articles-2026-13.xml").statusCode());
    assertEquals(404, site.get("/sitemaps/other.xml").statusCode());
  }

  @Test
  void articlesCarryTheirTranslationsAsHreflangAlternates() throws Exception {
    Map<String, Map<String, String>> urls = articleUrls();
    String en = site.baseUrl() + DemoPaths.EN_ARTICLE;
    String ru = site.baseUrl() + DemoPaths.RU_ARTICLE;
    assertEquals(Map.of("en", en, "ru", ru), urls.get(en));
    assertEquals(Map.of("en", en, "ru", ru), urls.get(ru));
    assertEquals(Map.of(), urls.get(site.baseUrl() + DemoPaths.EN_ONLY));
    assertTrue(urls.containsKey(fresh), "a new article is listed at once");
    assertFalse(urls.keySet().stream().anyMatch(u -> u.contains("draft")), "no drafts");
    assertEquals(
        FeedsTest.listedArticles(site, "/en/").size()
            + FeedsTest.listedArticles(site, "/ru/").size(),
        urls.size(),
        "every published article, once");
  }

  @Test
  void newsSitemapHoldsTheLastTwoDays() throws Exception {
    Document news = xml("/sitemaps/news.xml");
    List<Element> urls = elements(news, Sitemaps.NS, "url");
    assertFalse(urls.isEmpty());
    boolean sawFresh = false;
    for (Element url : urls) {
      Instant published = Instant.parse(child(url, Sitemaps.NEWS, "publication_date"));
      assertTrue(
          Duration.between(published, Instant.now()).compareTo(Sitemaps.NEWS_WINDOW) <= 0,
          published.toString());
      if (child(url, Sitemaps.NS, "loc").equals(fresh)) {
        sawFresh = true;
        assertEquals("The Northern Lantern", child(url, Sitemaps.NEWS, "name"));
        assertEquals("en", child(url, Sitemaps.NEWS, "language"));
        assertEquals("Fresh news & more", child(url, Sitemaps.NEWS, "title"));
      }
    }
    assertTrue(sawFresh);
  }

  @Test
  void pagesSitemapHasBothHomesAndEverySection() throws Exception {
    Document pages = xml("/sitemaps/pages.xml");
    List<String> locs =
        elements(pages, Sitemaps.NS, "loc").stream().map(Element::getTextContent).toList();
    assertTrue(locs.contains(site.baseUrl() + "/en/"));
    assertTrue(locs.contains(site.baseUrl() + "/ru/section/investigations"));
    assertTrue(locs.contains(site.baseUrl() + "/ru/reach-us"));
    assertTrue(
        elements(pages, Sitemaps.XHTML, "link").stream()
            .anyMatch(l -> l.getAttribute("hreflang").equals("x-default")));
  }

  @Test
  void robotsPointsToTheSitemap() {
    HttpResponse<String> robots = site.get("/robots.txt");
    assertEquals(
        "text/plain; charset=utf-8", robots.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(robots.body().contains("Sitemap: " + site.baseUrl() + "/sitemap.xml\n"));
    assertTrue(robots.body().startsWith("User-agent: *\n"));
  }
}
