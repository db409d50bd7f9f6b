package org.tamizdat.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.importer.ImportProgress;
import org.tamizdat.importer.WordPressImporter;
import org.tamizdat.search.ReindexProgress;
import org.tamizdat.site.Urls;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.ScriptWatch;
import org.tamizdat.testing.TestApp;

/**
 * Every vector of the XSS corpus goes in through each way input becomes HTML (Markdown body, title,
 * kicker, dek, caption, alt text, link text, tag names, author names and bios, section names, a
 * WordPress import, search snippets, feeds, the digest) and Chromium renders the result: nothing
 * may run. Many vectors share a page, so the whole corpus costs a few dozen page loads.
 */
@Tag("browser")
class XssCorpusBrowserTest {
  /** Vectors per article; also the number of vectors on each tag, author and search page. */
  private static final int BATCH = 50;

  private static final String MARK = "Zqxmark";

  @TempDir static Path dir;
  private static TestApp app;
  private static Playwright playwright;
  private static Browser browser;
  private static final List<String> articlePaths = new ArrayList<>();
  private static final List<String> importedPaths = new ArrayList<>();
  private static int batches;

  private BrowserContext context;
  private ScriptWatch watch;
  private final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    Chromium.require("XssCorpusBrowserTest");
    app = TestApp.start(dir, Map.of());
    List<String> vectors = XssVectors.all();
    assertTrue(vectors.size() >= 500, "corpus has only " + vectors.size() + " vectors");
    storeArticles(vectors);
    importWordPress(vectors);
    app.app().reindexSearch(ReindexProgress.none());
    app.app().changed();
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  private static void storeArticles(List<String> vectors) {
    var catalog = app.app().catalog();
    catalog.saveSection(
        "xss", 99, Map.of(Language.EN, "XSS " + vectors.get(0), Language.RU, vectors.get(1)));
    Urls urls = new Urls(app.app().config().baseUrl(), app.app().config().timeZone());
    String leadImage =
        app.app()
            .database()
            .read(h ->
                h.createQuery("SELECT lead_image FROM article WHERE lead_image IS NOT NULL")
                    .mapTo(String.class)
                    .first());
    Instant yesterday = app.app().clock().instant().minus(1, ChronoUnit.DAYS);
    List<List<String>> groups = XssVectors.batches(vectors, BATCH);
    batches = groups.size();
    for (int i = 0; i < groups.size(); i++) {
      List<String> batch = groups.get(i);
      String all = String.join(" ", batch);
      String author = "xss-author-" + i;
      catalog.saveAuthor(
          author,
          Map.of(Language.EN, MARK + " " + batch.get(0)),
          Map.of(Language.EN, MARK + "\n\n" + String.join("\n\n", batch)));
      StringBuilder body = new StringBuilder(MARK + "\n\n");
      for (String v : batch) {
        body.append(v).append("\n\n![").append(v).append("](x.png)\n\n[");
        body.append(v).append("](https://ok.example/)\n\n");
      }
      List<String> tags = new ArrayList<>();
      for (int j = 0; j < batch.size(); j++) tags.add("t" + i + "x" + j + " " + batch.get(j));
      Instant published = yesterday.minus(i, ChronoUnit.MINUTES);
      app.app()
          .articleWriter()
          .save(
              new ArticleInput(
                  Language.EN,
                  "xss-" + i,
                  null,
                  MARK + " " + all,
                  MARK + " " + all,
                  MARK + " " + all,
                  body.toString(),
                  "xss",
                  List.of(author),
                  tags,
                  Status.PUBLISHED,
                  published,
                  null,
                  leadImage,
                  MARK + " " + all));
      articlePaths.add(urls.article(Language.EN, published, "xss-" + i));
    }
  }

  /** One post per batch: vectors in the content, title and excerpt of a WXR file. */
  private static void importWordPress(List<String> vectors) throws IOException {
    List<String> safe = vectors.stream().filter(XssVectors::xmlSafe).toList();
    StringBuilder wxr =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Hostile</title><link>https://hostile.example</link>
            <language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://hostile.example</wp:base_site_url>
            """);
    List<List<String>> groups = XssVectors.batches(safe, BATCH);
    for (int i = 0; i < groups.size(); i++) {
      List<String> batch = groups.get(i);
      String content = MARK + "\n\n" + String.join("\n\n", batch);
      wxr.append("<item><title>")
          .append(XssVectors.xmlEscape(MARK + " " + batch.get(0)))
          .append("</title><content:encoded>")
          .append(XssVectors.xmlEscape(content))
          .append("</content:encoded><excerpt:encoded>")
          .append(XssVectors.xmlEscape(MARK + " " + String.join(" ", batch.subList(0, 5))))
          .append("</excerpt:encoded><wp:post_id>")
          .append(5000 + i)
          .append("</wp:post_id><wp:post_date_gmt>2026-01-0")
          .append(1 + i % 9)
          .append(" 10:00:00</wp:post_date_gmt><wp:post_name>wxr-xss-")
          .append(i)
          .append("</wp:post_name><wp:status>publish</wp:status>")
          .append("<wp:post_type>post</wp:post_type></item>\n");
    }
    wxr.append("</channel></rss>\n");
    Path file = dir.resolve("hostile.xml");
    Files.writeString(file, wxr);
    app.app()
        .importWordPress(
            new WordPressImporter.Options(file, Optional.empty(), Optional.of(Language.EN), false),
            ImportProgress.NONE);
    Urls urls = new Urls(app.app().config().baseUrl(), app.app().config().timeZone());
    importedPaths.addAll(
        app.app()
            .database()
            .read(h ->
                h.createQuery("SELECT slug, published_at FROM article WHERE slug LIKE 'wxr-xss-%'")
                    .map((rs, ctx) ->
                        urls.article(
                            Language.EN, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(1)))
                    .list()));
    assertEquals(groups.size(), importedPaths.size(), "imported posts");
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
  }

  @BeforeEach
  void openContext() {
    context = browser.newContext();
    watch = ScriptWatch.on(context);
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  @Test
  void theHooksCatchAVectorThatRuns() {
    // Without this the other tests could pass with a hook that never fires.
    Page page = watch.watch(context.newPage());
    page.setContent(
        "<img src=x onerror=alert(1)><a href='javascript:__xss(2)'>x</a><p style='color:red'>");
    page.waitForFunction("() => document.readyState === 'complete'");
    page.waitForTimeout(200);
    assertFalse(watch.hits().isEmpty(), "alert through onerror was not recorded");
    assertEquals(3, ScriptWatch.domProblems(page).size(), ScriptWatch.domProblems(page).toString());
  }

  @Test
  void articlePagesRunNothing() {
    visitAll(articlePaths, true);
  }

  @Test
  void importedWordPressPostsRunNothing() {
    visitAll(importedPaths, true);
  }

  @Test
  void authorTagAndSectionPagesRunNothing() {
    List<String> paths =
        new ArrayList<>(List.of("/en/", "/en/section/xss", "/en/section/xss/page/2"));
    for (int i = 0; i < batches; i++) paths.add("/en/author/xss-author-" + i);
    // Tag slugs come from hostile names: take the first tag link each article page carries.
    for (String article : articlePaths) {
      Document doc = Jsoup.parse(app.get(article).body());
      paths.add(doc.select("a[href^=/en/tag/]").first().attr("href"));
    }
    visitAll(paths, false);
  }

  @Test
  void searchSnippetsRunNothing() {
    List<String> paths = new ArrayList<>();
    for (String q :
        List.of(
            MARK,
            "alert",
            "script",
            "onerror",
            "javascript",
            "svg onload",
            "iframe",
            "img src",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "data text html")) {
      paths.add("/en/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    visitAll(paths, false);
    String page = app.get(paths.get(1)).body();
    assertTrue(page.contains("<mark"), "the search for 'alert' highlighted nothing");
  }

  @Test
  void feedsRunNothingInTheBrowserOrInAReader() {
    List<String> feeds =
        List.of(
            "/en/section/xss/feed.atom", "/en/section/xss/feed.rss", "/en/section/xss/feed.json");
    visitAll(feeds, false);
    // A feed reader shows the entries' HTML without our CSP: the sanitizer alone must hold.
    Document atom = Jsoup.parse(app.get(feeds.get(0)).body(), "", Parser.xmlParser());
    Document rss = Jsoup.parse(app.get(feeds.get(1)).body(), "", Parser.xmlParser());
    List<String> bodies = new ArrayList<>();
    atom.select("entry > content").forEach(e -> bodies.add(e.text()));
    rss.select("item > description, item > content|encoded").forEach(e -> bodies.add(e.text()));
    assertTrue(bodies.size() >= 2, "entries: " + bodies.size());
    assertTrue(String.join("", bodies).contains(MARK), "our articles are not in the feeds");
    Page page = watch.watch(context.newPage());
    for (String html : bodies) render(page, html, "feed entry");
    assertClean();
  }

  @Test
  void digestHtmlRunsNothingInAMailClient() {
    var digest =
        app.app()
            .digests()
            .build(
                Language.EN,
                Optional.of(MARK + " " + String.join(" ", XssVectors.all().subList(0, 40))),
                LocalDate.now(ZoneOffset.UTC).plusDays(1))
            .orElseThrow();
    assertTrue(digest.html().contains(MARK), "our articles are not in the digest");
    render(watch.watch(context.newPage()), digest.html(), "digest");
    // Mail clients ignore style sheets, so the digest's own layout is in style attributes.
    problems.removeIf(p -> p.startsWith("digest: style attribute: "));
    assertClean();
  }

  /** Renders {@code html} without any CSP, as a mail client or feed reader might. */
  private void render(Page page, String html, String what) {
    page.setContent(html);
    page.waitForTimeout(50);
    ScriptWatch.domProblems(page).forEach(p -> problems.add(what + ": " + p));
  }

  private void visitAll(List<String> paths, boolean mustShowMark) {
    Page page = watch.watch(context.newPage());
    for (String path : paths) {
      var response = page.navigate(app.baseUrl() + path);
      assertEquals(200, response.status(), path);
      if (mustShowMark && !page.content().contains(MARK)) problems.add(path + ": no marker");
      if (response.headers().getOrDefault("content-type", "").startsWith("text/html")) {
        ScriptWatch.domProblems(page).stream()
            .filter(p -> !p.startsWith("script: <script type=\"application/ld+json\">"))
            .forEach(p -> problems.add(path + ": " + p));
      }
    }
    page.waitForTimeout(100);
    assertClean();
  }

  private void assertClean() {
    List<String> all = new ArrayList<>(watch.hits());
    all.addAll(problems);
    assertEquals(List.of(), all.subList(0, Math.min(20, all.size())), all.size() + " problems");
  }
}
