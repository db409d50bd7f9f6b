package org.tamizdat.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.TestApp;

/** Atom and RSS as a real feed parser (ROME) reads them, on the demo newsroom. */
class FeedsTest {
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

  static SyndFeed parse(String path, String contentType) throws Exception {
    HttpResponse<byte[]> response = site.getBytes(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals(contentType, response.headers().firstValue("Content-Type").orElseThrow(), path);
    return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
  }

  /** The edition's article URLs, newest first, as its home pages list them. */
  static List<String> listedArticles(TestApp site, String home) {
    List<String> urls = new ArrayList<>();
    String next = home;
    while (next != null) {
      Document page = Jsoup.parse(site.get(next).body(), site.baseUrl());
      page.select("article.card h2 a").forEach(a -> urls.add(a.absUrl("href")));
      var older = page.selectFirst(".pager a[rel=next]");
      next = older == null ? null : older.attr("href");
    }
    return urls;
  }

  @Test
  void atomAndRssCarryTheLatestArticlesInFull() throws Exception {
    List<String> expected = listedArticles(site, "/en/");
    expected = expected.subList(0, Math.min(FeedSource.SIZE, expected.size()));
    for (String[] feed :
        new String[][] {
          {"/en/feed.atom", "application/atom+xml; charset=utf-8"},
          {"/en/feed.rss", "application/rss+xml; charset=utf-8"}
        }) {
      SyndFeed parsed = parse(feed[0], feed[1]);
      assertEquals("The Northern Lantern", parsed.getTitle());
      assertEquals(
          expected, parsed.getEntries().stream().map(SyndEntry::getLink).toList(), feed[0]);
      assertFullArticle(entry(parsed, site.baseUrl() + DemoPaths.EN_ARTICLE), feed[0]);
    }
  }

  static SyndEntry entry(SyndFeed feed, String link) {
    return feed.getEntries().stream()
        .filter(e -> e.getLink().equals(link))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry for " + link));
  }

  static void assertFullArticle(SyndEntry entry, String feed) {
    assertEquals(
        "A year after the blast, Sosnovy Yar still drinks from a truck", entry.getTitle(), feed);
    // Atom has one author element per byline; RSS one dc:creator each.
    DCModule dublinCore = (DCModule) entry.getModule(DCModule.URI);
    assertEquals(
        List.of("Zoya Kremneva", "Nadia Orlik"),
        entry.getAuthors().isEmpty()
            ? dublinCore.getCreators()
            : entry.getAuthors().stream().map(SyndPerson::getName).toList(),
        feed);
    List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).toList();
    assertTrue(categories.containsAll(List.of("Investigations", "Environment")), feed + categories);
    assertEquals(Instant.parse("2026-11-18T09:00:00Z"), entry.getPublishedDate().toInstant());
    if (entry.getUpdatedDate() != null) {
      assertEquals(Instant.parse("2026-11-19T10:15:00Z"), entry.getUpdatedDate().toInstant());
    }
    SyndEnclosure image = entry.getEnclosures().get(0);
    assertTrue(image.getUrl().startsWith(site.baseUrl() + "/media/demo-"), image.getUrl());
    assertEquals("image/svg+xml", image.getType());
    assertTrue(image.getLength() > 100, feed + " enclosure length");

    Document page = Jsoup.parse(site.get(DemoPaths.EN_ARTICLE).body());
    String lastParagraph = page.select(".body > p").last().text();
    Document content = Jsoup.parse(entry.getContents().get(0).getValue());
    assertTrue(content.text().contains(lastParagraph), feed + ": the whole body, to the end");
    assertEquals(3, content.select("figure.testimony").size(), feed);
    content
        .select("[href], [src]")
        .forEach(el -> {
          String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
          assertTrue(url.matches("^(https?|mailto):.*"), feed + " has a relative link: " + url);
        });
  }

  @Test
  void sectionFeedsHoldOnlyTheirSection() throws Exception {
    SyndFeed feed =
        parse("/en/section/investigations/feed.atom", "application/atom+xml; charset=utf-8");
    assertEquals("Investigations · The Northern Lantern", feed.getTitle());
    assertFalse(feed.getEntries().isEmpty());
    for (SyndEntry entry : feed.getEntries()) {
      assertTrue(
          entry.getCategories().stream().anyMatch(c -> c.getName().equals("Investigations")),
          entry.getLink());
    }
    SyndFeed russian =
        parse("/ru/section/investigations/feed.rss", "application/rss+xml; charset=utf-8");
    assertEquals("Расследования · Северный фонарь", russian.getTitle());
    assertEquals(404, site.get("/en/section/no-such-section/feed.atom").statusCode());
    assertEquals(404, site.get("/xx/feed.atom").statusCode());
  }

  @Test
  void feedsAreCachedWithValidatorsAndGzip() {
    HttpResponse<String> first = site.get("/ru/feed.json");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, site.get("/ru/feed.json", "If-None-Match", etag).statusCode());
    HttpResponse<byte[]> zipped = site.getBytes("/en/feed.atom", "Accept-Encoding", "gzip");
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
  }

  @Test
  void everyPageAnnouncesTheEditionsFeedsAndASectionsOwn() {
    String section = "/en/section/investigations";
    for (String path :
        List.of(
            "/en/",
            "/ru/",
            DemoPaths.EN_ARTICLE,
            section,
            "/ru/tag/ekologiya",
            "/en/author/zoya-kremneva",
            "/en/reach-us",
            "/en/no-such-page")) {
      Document page = Jsoup.parse(site.get(path).body());
      var feeds = page.select("head link[rel=alternate][type]");
      boolean inSection = path.equals(section) || path.equals(DemoPaths.EN_ARTICLE);
      assertEquals(inSection ? 6 : 3, feeds.size(), path);
      for (var link : feeds) {
        HttpResponse<String> feed = site.get(link.attr("href"));
        assertEquals(200, feed.statusCode(), path + " → " + link.attr("href"));
        assertTrue(
            feed.headers().firstValue("Content-Type").orElseThrow().startsWith(link.attr("type")),
            link.attr("href"));
        assertFalse(link.attr("title").isBlank());
      }
    }
  }
}
