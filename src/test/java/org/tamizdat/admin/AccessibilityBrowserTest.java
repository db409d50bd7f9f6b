package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.Skips;
import org.tamizdat.testing.TestApp;

/**
 * axe-core (from npm, tools/axe, installed by ./run-tests) on the public and admin pages in
 * Chromium: no violation of impact serious or critical. The script is evaluated into each page
 * rather than added as a script tag, so the pages keep their strict CSP for the test.
 */
@Tag("browser")
class AccessibilityBrowserTest {
  static final Path AXE = Path.of("tools/axe/node_modules/axe-core/axe.min.js");

  @TempDir static Path dir;
  static TestApp app;
  static Playwright playwright;
  static Browser browser;
  static String axe;

  @BeforeAll
  static void start() throws IOException {
    Chromium.require("AccessibilityBrowserTest");
    if (!Files.isRegularFile(AXE)) {
      Skips.skipLoudly("axe-core not installed (npm ci --prefix tools/axe)");
    }
    axe = Files.readString(AXE);
    app = TestApp.start(dir, Map.of());
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
  }

  /** The serious and critical violations on the page now, one line each. */
  @SuppressWarnings("unchecked")
  static List<String> violations(Page page) {
    page.evaluate(axe);
    Object found =
        page.evaluate(
            """
            async () => {
              const r = await axe.run(document, {resultTypes: ['violations']});
              return r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
    List<String> lines = new ArrayList<>();
    for (Object o : (List<Object>) found) {
      lines.add(page.url() + " " + o);
    }
    return lines;
  }

  @Test
  void publicPagesHaveNoSeriousViolations() {
    List<String> found = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      for (String lang : List.of("en", "ru")) {
        page.navigate(app.baseUrl() + "/" + lang + "/");
        found.addAll(violations(page));
        String article = page.locator("a[href^='/" + lang + "/20']").first().getAttribute("href");
        for (String path :
            List.of(
                article,
                "/" + lang + "/section/investigations",
                "/" + lang + "/search?q=forest",
                "/" + lang + "/subscribe",
                "/" + lang + "/no-such-page/at-all")) {
          page.navigate(app.baseUrl() + path);
          found.addAll(violations(page));
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void adminPagesHaveNoSeriousViolations() {
    AdminClient admin = AdminLogin.as(app, Role.ADMIN);
    List<String> found = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(app.baseUrl() + "/admin/login");
      found.addAll(violations(page));
      page.fill("#email", admin.email());
      page.fill("#password", admin.password());
      page.click("form[action='/admin/login'] button[type=submit]");
      if (admin.totpSecret() != null) {
        found.addAll(violations(page));
        page.fill("#code", admin.nextCode());
        page.click("form[action='/admin/login/code'] button[type=submit]");
      }
      found.addAll(violations(page));
      long anArticle =
          app.app()
              .editorial()
              .articles()
              .list(
                  new org.tamizdat.admin.editorial.ArticleFilter(null, null, null, null, null),
                  1,
                  1)
              .items()
              .getFirst()
              .id();
      for (String path :
          List.of(
              "/admin/articles",
              "/admin/articles/" + anArticle,
              "/admin/articles/new?lang=ru",
              "/admin/media",
              "/admin/sources",
              "/admin/sources/new",
              "/admin/users",
              "/admin/audit")) {
        page.navigate(app.baseUrl() + path);
        found.addAll(violations(page));
      }
    }
    assertEquals(List.of(), found);
  }
}
