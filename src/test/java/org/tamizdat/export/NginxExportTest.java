package org.tamizdat.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.NginxServer;
import org.tamizdat.testing.TestApp;

/**
 * An export served by nginx with the repository's configuration, crawled from its roots: no broken
 * link, no reference to another origin, and every page the live page with the other base URL.
 */
@Tag("nginx")
class NginxExportTest {
  static final String ONION = "http://" + "n".repeat(52) + "wxyz.onion";

  @TempDir static Path dir;
  static TestApp site;
  static NginxServer nginx;
  static SiteCrawler crawl;

  @BeforeAll
  static void start() {
    NginxServer.requireInstalled();
    int port = TestApp.freePort();
    site = TestApp.start(dir.resolve("app"), Map.of("ONION_URL", ONION));
    Path out = dir.resolve("export");
    URI base = URI.create("http://127.0.0.1:" + port);
    site.app()
        .export(
            out,
            ExportTarget.of(site.app().config(), Optional.of(base), false),
            false,
            ExportProgress.NONE);
    nginx = NginxServer.serve(out, port, dir.resolve("nginx"));
    crawl =
        new SiteCrawler(nginx.origin(), ONION)
            .crawl(List.of("/", "/index.html", "/robots.txt", "/sitemap.xml", "/mirrors.json"));
  }

  @AfterAll
  static void stop() {
    if (nginx != null) {
      nginx.close();
    }
    if (site != null) {
      site.close();
    }
  }

  @Test
  void crawlFindsNoBrokenLinkAndNoOtherOrigin() {
    assertEquals(List.of(), crawl.problems);
    assertTrue(crawl.reached.containsKey(DemoPaths.RU_ARTICLE));
    assertTrue(crawl.reached.containsKey("/en/page/2"));
    assertTrue(crawl.reached.containsKey("/en/section/investigations/feed.json"));
    assertTrue(crawl.reached.keySet().stream().anyMatch(p -> p.startsWith("/sitemaps/articles-")));
    assertTrue(crawl.reached.keySet().stream().anyMatch(p -> p.startsWith("/media/")));
    assertTrue(crawl.reached.size() > 100, "reached " + crawl.reached.size());
  }

  @Test
  void everyFileIsTheLiveOneWithTheExportsBaseUrl() {
    int compared = 0;
    for (Map.Entry<String, HttpResponse<byte[]>> page : crawl.reached.entrySet()) {
      String path = page.getKey();
      if (path.equals("/index.html") || path.equals("/mirrors.json")) {
        continue; // the edition choice exists only in exports; the list names configured addresses
      }
      HttpResponse<byte[]> live = site.getBytes(path);
      assertEquals(200, live.statusCode(), path);
      String type = page.getValue().headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("image/")) {
        assertArrayEquals(live.body(), page.getValue().body(), path);
      } else {
        // Either base may appear in either: the reach-us page shows the primary one as text.
        assertEquals(normalize(live.body()), normalize(page.getValue().body()), path);
      }
      compared++;
    }
    assertTrue(compared > 100);
  }

  static String normalize(byte[] body) {
    return new String(body, StandardCharsets.UTF_8)
        .replace(site.baseUrl(), "BASE")
        .replace(nginx.origin(), "BASE");
  }

  @Test
  void nginxServesTypesErrorsAndTheRootLikeTheLiveSite() {
    assertEquals(
        "application/atom+xml; charset=utf-8",
        crawl.get("/en/feed.atom").headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "text/html; charset=utf-8",
        crawl.get(DemoPaths.EN_ARTICLE).headers().firstValue("Content-Type").orElseThrow());
    HttpResponse<byte[]> missing = crawl.get("/ru/2026/01/01/net-takoy-stati");
    assertEquals(404, missing.statusCode());
    assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("Страница не найдена"));
    assertEquals(404, crawl.get("/.tamizdat-export").statusCode());
    assertEquals("/en/", crawl.get("/").headers().firstValue("Location").orElseThrow());
    assertTrue(
        crawl
            .get(DemoPaths.EN_ARTICLE)
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("script-src 'self'"));
  }
}
