package org.tamizdat.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.TestApp;

/**
 * Crawls every public page type in Chromium as a reader behind a proxy would: no request leaves the
 * origin, no page carries inline script or style, every HTML answer has the CSP, and no log line
 * written meanwhile names the reader's address.
 */
@Tag("browser")
class PrivacyCrawlerBrowserTest {
  private static final String FORWARDED_FOR = "203.0.113.77";
  private static final List<String> CLIENT_ADDRESSES =
      List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "[::1]", FORWARDED_FOR);
  private static final int MAX_PAGES = 120;

  /** Inline scripts and styles; JSON-LD is data the browser never runs, so it may stay inline. */
  private static final String INLINE_CHECK =
      """
      () => {
        const bad = [];
        for (const s of document.querySelectorAll('script:not([src])'))
          if (s.type !== 'application/ld+json') bad.push('inline script ' + s.outerHTML.slice(0, 100));
        for (const s of document.querySelectorAll('style')) bad.push('style element');
        for (const e of document.querySelectorAll('[style]')) bad.push('style attribute on ' + e.localName);
        for (const e of document.querySelectorAll('*'))
          for (const a of e.attributes) if (a.name.startsWith('on')) bad.push(a.name + ' on ' + e.localName);
        return bad;
      }
      """;

  @TempDir Path dir;

  @Test
  void everyPublicPageTypeStaysOnTheOriginWithoutInlineCodeOrClientAddressesInLogs() {
    try (TestApp app = TestApp.start(dir, Map.of("ACCESS_LOG", "on"));
        Playwright playwright = Playwright.create();
        Browser browser = Chromium.launch(playwright)) {
      String base = app.baseUrl();
      List<String> problems = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      Set<String> types = new LinkedHashSet<>();
      String log =
          capturingLogs(() -> {
            BrowserContext context =
                browser.newContext(
                    new Browser.NewContextOptions()
                        .setExtraHTTPHeaders(
                            Map.of("X-Forwarded-For", FORWARDED_FOR, "X-Real-IP", FORWARDED_FOR)));
            Page page = context.newPage();
            page.onRequest(r -> {
              String url = r.url();
              if (!url.startsWith(base + "/")
                  && !url.startsWith("data:")
                  && !url.equals("about:blank")) problems.add("request to another origin: " + url);
            });
            Deque<String> queue = new ArrayDeque<>(seeds());
            while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
              String path = queue.poll();
              if (!seen.add(path)) continue;
              Response response = page.navigate(base + path);
              types.add(type(path) + " " + response.status());
              if (response.headers().getOrDefault("content-type", "").startsWith("text/html")) {
                check(page, response, path, problems);
                @SuppressWarnings("unchecked")
                List<String> links =
                    (List<String>)
                        page.evaluate(
                            "() => [...document.querySelectorAll('a[href]')].map(a => a.href)");
                for (String link : links) {
                  if (link.startsWith(base + "/") && !link.contains("#")) {
                    String p = link.substring(base.length());
                    if (!seen.contains(p) && isWorthCrawling(p)) queue.add(p);
                  }
                }
              }
            }
            // A reader subscribes: the form post goes through the per-client rate limit.
            page.navigate(base + "/en/subscribe");
            page.locator("#subscribe-email").fill("reader@example.org");
            Response posted =
                page.waitForNavigation(() ->
                    page.locator(
                            "#subscribe-email ~ button[type=submit], form:has(#subscribe-email) button[type=submit]")
                        .first()
                        .click());
            check(page, posted, "POST /en/subscribe", problems);
            types.add("subscribe-post " + posted.status());
            context.close();
          });
      assertEquals(List.of(), problems);
      for (String type :
          List.of(
              "home",
              "article",
              "section",
              "tag",
              "author",
              "search",
              "subscribe",
              "reach-us",
              "feed",
              "not-found")) {
        assertTrue(
            types.stream().anyMatch(t -> t.startsWith(type + " ")),
            type + " not crawled: " + types);
      }
      assertTrue(log.contains("GET /en/ 200"), "the access log was not captured:\n" + log);
      for (String address : CLIENT_ADDRESSES) {
        for (String line : log.split("\n")) {
          assertFalse(line.contains(address), "a log line names the client: " + line);
        }
      }
    }
  }

  private static List<String> seeds() {
    return List.of(
        "/",
        "/en/",
        "/ru/",
        "/en/search?q=port",
        "/ru/search?q=%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
        "/en/search?q=" + "x".repeat(400),
        "/en/subscribe",
        "/ru/subscribe",
        "/en/reach-us",
        "/ru/reach-us",
        "/en/no-such-page",
        "/en/2026/13/99/nothing",
        "/en/feed.atom",
        "/en/feed.rss",
        "/en/feed.json",
        "/en/unsubscribe?token=forged");
  }

  private static void check(Page page, Response response, String path, List<String> problems) {
    String csp = response.headers().get("content-security-policy");
    if (csp == null || !csp.contains("default-src 'none'") || !csp.contains("script-src 'self'"))
      problems.add(path + ": CSP missing or weak: " + csp);
    @SuppressWarnings("unchecked")
    List<String> inline = (List<String>) page.evaluate(INLINE_CHECK);
    inline.forEach(p -> problems.add(path + ": " + p));
  }

  /**
   * One page of each kind is enough past the first few: skip deep pagination and dated archives.
   */
  private static boolean isWorthCrawling(String path) {
    return !path.startsWith("/media/") && !path.startsWith("/assets/") && !path.contains("/page/3");
  }

  private static String type(String path) {
    if (path.equals("/") || path.matches("/(en|ru)/")) return "home";
    if (path.matches("/(en|ru)/\\d{4}/\\d\\d/\\d\\d/[^/]+")) return "article";
    if (path.contains("/feed.")) return "feed";
    for (String t : List.of("section", "tag", "author", "search", "subscribe", "reach-us")) {
      if (path.matches("/(en|ru)/" + t + "\\b.*")) return t;
    }
    if (path.contains("no-such-page")) return "not-found";
    return "other";
  }

  /** Runs {@code crawl} with System.out, System.err and java.util.logging going to one buffer. */
  private static String capturingLogs(Runnable crawl) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    PrintStream out = System.out;
    PrintStream err = System.err;
    Handler jul =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            capture.println(
                record.getLoggerName()
                    + " "
                    + record.getMessage()
                    + " "
                    + java.util.Arrays.toString(record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(jul);
    System.setOut(capture);
    System.setErr(capture);
    try {
      crawl.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(jul);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
