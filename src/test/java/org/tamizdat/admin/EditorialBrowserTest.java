package org.tamizdat.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.editorial.EditorialArticle;
import org.tamizdat.admin.editorial.WorkflowState;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * The newsroom's core flow in real Chromium, without a line of our JavaScript: an editor logs in,
 * writes, previews, translates and schedules an article, which readers see once its time comes; an
 * author is offered no way to publish.
 */
@Tag("browser")
class EditorialBrowserTest {
  @TempDir static Path dir;
  static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  static TestApp app;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() {
    Chromium.require("EditorialBrowserTest");
    app = TestApp.start(dir, TestDatabase.sqlite(dir), Map.of(), clock);
    playwright = Playwright.create();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
  }

  /** Logs in through the login pages, with a TOTP code when the account has one. */
  static Page logIn(BrowserContext context, AdminClient who) {
    Page page = context.newPage();
    page.navigate(app.baseUrl() + "/admin/login");
    page.locator("#email").fill(who.email());
    page.locator("#password").fill(who.password());
    page.locator("form[action='/admin/login'] button[type=submit]").click();
    if (who.totpSecret() != null) {
      page.locator("#code").fill(who.nextCode());
      page.locator("form[action='/admin/login/code'] button[type=submit]").click();
    }
    assertThat(page.locator("h1")).hasText("Dashboard");
    return page;
  }

  static long idOf(Page page) {
    String url = page.url();
    return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
  }

  static EditorialArticle article(long id) {
    return app.app().editorial().editorial().find(id).orElseThrow();
  }

  @Test
  void anEditorWritesTranslatesAndSchedulesAnArticleReadersThenSee() {
    AdminClient editor = AdminLogin.as(app, Role.EDITOR);
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = logIn(context, editor);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Articles"))
          .first()
          .click();
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New English article"))
          .click();
      page.locator("#title").fill("Ferry strike halts the islands");
      page.locator("#dek").fill("Crews walked out at dawn.");
      page.locator("#body")
          .fill("The ferry crews walked out at dawn.\n\nNo boats left the harbour.");
      page.locator("#section").selectOption("culture");
      page.locator("#authors").fill("gleb-sarmatov");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/articles/[0-9]+$"));
      long en = idOf(page);
      assertEquals("ferry-strike-halts-the-islands", article(en).content().slug());

      Page preview =
          context.waitForPage(() ->
              page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                  .click());
      assertThat(preview.locator("h1")).containsText("Ferry strike halts the islands");
      assertThat(preview.locator("article")).containsText("No boats left the harbour.");
      preview.close();

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create translation"))
          .click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/articles/[0-9]+$"));
      long ru = idOf(page);
      page.locator("#title").fill("Паромщики остановили острова");
      page.locator("#body").fill("Экипажи паромов вышли на забастовку на рассвете.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
          .click();
      assertEquals("Паромщики остановили острова", article(ru).content().title());

      LocalDateTime at =
          LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
      for (long id : new long[] {en, ru}) {
        page.navigate(app.baseUrl() + "/admin/articles/" + id);
        page.locator("#publish_at").fill(at.toString().substring(0, 16));
        page.locator("#zone").selectOption("UTC");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and schedule"))
            .click();
        assertThat(page.locator(".article-status")).containsText("scheduled");
        assertEquals(WorkflowState.SCHEDULED, article(id).state());
      }
      String date = at.toLocalDate().toString().replace('-', '/');
      String enPath = "/en/" + date + "/ferry-strike-halts-the-islands";
      assertEquals(404, app.get(enPath).statusCode(), "not before its time");

      clock.advance(Duration.ofMinutes(11));
      Page reader = context.newPage();
      reader.navigate(app.baseUrl() + enPath);
      assertThat(reader.locator("h1")).containsText("Ferry strike halts the islands");
      reader.locator("a[hreflang=ru]").first().click();
      assertThat(reader.locator("h1")).containsText("Паромщики остановили острова");
    } finally {
      clock.set(clock.instant().minus(Duration.ofMinutes(11)));
    }
  }

  @Test
  void anAuthorIsOfferedNoWayToPublish() {
    AdminClient author = AdminLogin.as(app, Role.AUTHOR);
    try (BrowserContext context = browser.newContext()) {
      Page page = logIn(context, author);
      page.navigate(app.baseUrl() + "/admin/articles/new?lang=en");
      page.locator("#title").fill("An author's draft");
      page.locator("#body").fill("Text.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
      assertThat(page).hasURL(Pattern.compile(".*/admin/articles/[0-9]+$"));
      assertThat(
              page.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and publish now")))
          .hasCount(0);
      assertThat(
              page.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and schedule")))
          .hasCount(0);
      page.getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and submit for review"))
          .click();
      assertThat(page.locator(".article-status")).containsText("in-review");
      assertTrue(page.content().contains("in-review"));
      assertEquals(WorkflowState.IN_REVIEW, article(idOf(page)).state());
    }
  }
}
