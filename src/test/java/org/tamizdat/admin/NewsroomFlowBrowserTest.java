package org.tamizdat.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.editorial.WorkflowState;
import org.tamizdat.sources.KeyFile;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * Issue 6 end to end in Chromium: an editor enrols TOTP, uploads a described image, writes an
 * article led by it, translates and schedules it, and readers see it; a linked source's real name
 * blocks publishing with the findings shown; an author cannot publish, by button or by POST. No
 * console errors throughout, so no CSP violation either.
 */
@Tag("browser")
class NewsroomFlowBrowserTest {
  @TempDir static Path dir;
  static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
  static TestApp app;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    Chromium.require("NewsroomFlowBrowserTest");
    KeyFile.generate(dir.resolve("sources.key"), new SecureRandom());
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

  /** Console errors and page errors; refusals we provoke (403, 422) are expected answers. */
  static List<String> watch(Page page) {
    List<String> errors = new ArrayList<>();
    page.onConsoleMessage(m -> {
      if (m.type().equals("error") && !m.text().matches(".*status of (403|422).*")) {
        errors.add(m.text());
      }
    });
    page.onPageError(errors::add);
    return errors;
  }

  static void click(Page page, String button) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true))
        .click();
  }

  static long idOf(Page page) {
    String url = page.url();
    return Long.parseLong(url.replaceAll("[?].*", "").replaceAll(".*/", ""));
  }

  @Test
  void theNewsroomFlow() throws IOException {
    StaffAccounts.Created created =
        app.app()
            .admin()
            .accounts()
            .create(null, "flow@lantern.example", "Flo Editor", Role.EDITOR);
    String password = "amber lighthouse forty two";
    Path photo = dir.resolve("queue.png");
    BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 400; x++) image.setRGB(x, x % 300, 0x3366cc);
    ImageIO.write(image, "png", photo.toFile());
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      List<String> errors = watch(page);

      // Password, TOTP enrolment, recovery codes: then the dashboard.
      page.navigate(app.baseUrl() + "/admin/set-password?token=" + created.token());
      page.fill("#password", password);
      page.fill("#repeat", password);
      page.click("button[type=submit]");
      page.fill("#email", "flow@lantern.example");
      page.fill("#password", password);
      page.click("form.admin-form button[type=submit]");
      page.waitForURL(app.baseUrl() + "/admin/totp/enrol");
      String secret = page.locator("#totp-secret").textContent().replace(" ", "");
      page.fill("#code", Totp.code(secret, clock.millis()));
      page.click("form.admin-form button[type=submit]");
      page.click("a.button");
      assertThat(page.locator("h1")).hasText("Dashboard");

      // An image with alt text into the library.
      page.navigate(app.baseUrl() + "/admin/media");
      page.setInputFiles("#file", photo);
      page.fill("#alt", "People queue outside a bakery at dawn");
      click(page, "Upload");
      assertThat(page).hasURL(Pattern.compile(".*/admin/media/[0-9]+.*"));
      String imageName = app.app().media().repository().find(idOf(page)).orElseThrow().name();

      // The article, led by it, then its translation.
      page.navigate(app.baseUrl() + "/admin/articles/new?lang=en");
      page.fill("#title", "Bread queues return to the capital");
      page.fill("#body", "Queues formed at dawn.\n\nThe bakeries ran out by nine.");
      page.locator("#section").selectOption("culture");
      page.fill("#authors", "gleb-sarmatov");
      page.fill("#lead_image", imageName);
      click(page, "Create draft");
      assertThat(page).hasURL(Pattern.compile(".*/admin/articles/[0-9]+$"));
      long en = idOf(page);
      click(page, "Create translation");
      assertThat(page).hasURL(Pattern.compile(".*/admin/articles/[0-9]+$"));
      long ru = idOf(page);
      page.fill("#title", "Очереди за хлебом вернулись в столицу");
      page.fill("#body", "Очереди выстроились на рассвете.");
      click(page, "Save");

      // A protected source linked to the English article: naming them blocks publishing.
      page.navigate(app.baseUrl() + "/admin/sources/new");
      page.fill("#pseudonym", "A baker");
      page.fill("#real_name", "Марфа Пекарева");
      click(page, "Save source");
      page.locator("#article").selectOption(String.valueOf(en));
      click(page, "Link");
      page.navigate(app.baseUrl() + "/admin/articles/" + en);
      page.fill("#body", "Марфа Пекарева told us the flour ran out.");
      click(page, "Save and publish now");
      assertThat(page.locator(".guard-findings")).isVisible();
      assertThat(page.locator(".guard-findings td").first()).hasText("body");
      assertThat(page.locator("#body")).hasValue("Марфа Пекарева told us the flour ran out.");
      assertEquals(WorkflowState.DRAFT, state(en));
      page.fill("#body", "A baker told us the flour ran out.");

      // Both editions scheduled; readers see them once the time comes.
      LocalDateTime at =
          LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
      for (long id : new long[] {en, ru}) {
        if (id != en) page.navigate(app.baseUrl() + "/admin/articles/" + id);
        page.fill("#publish_at", at.toString().substring(0, 16));
        page.locator("#zone").selectOption("UTC");
        click(page, "Save and schedule");
        assertThat(page.locator(".article-status")).containsText("scheduled");
        assertEquals(WorkflowState.SCHEDULED, state(id));
      }
      clock.advance(Duration.ofMinutes(11));
      String date = at.toLocalDate().toString().replace('-', '/');
      page.navigate(app.baseUrl() + "/en/" + date + "/bread-queues-return-to-the-capital");
      assertThat(page.locator("h1")).containsText("Bread queues return to the capital");
      assertThat(page.locator("article")).containsText("A baker told us");
      page.locator("a[hreflang=ru]").first().click();
      assertThat(page.locator("h1")).containsText("Очереди за хлебом");
      assertEquals(List.of(), errors, "console errors (CSP violations show here)");
    } finally {
      clock.set(clock.instant().minus(Duration.ofMinutes(11)));
    }
  }

  @Test
  void anAuthorCannotPublishByButtonOrByPost() {
    AdminClient author = AdminLogin.as(app, Role.AUTHOR);
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      List<String> errors = watch(page);
      page.navigate(app.baseUrl() + "/admin/login");
      page.fill("#email", author.email());
      page.fill("#password", author.password());
      page.click("form[action='/admin/login'] button[type=submit]");
      if (author.totpSecret() != null) {
        page.fill("#code", author.nextCode());
        page.click("form[action='/admin/login/code'] button[type=submit]");
      }
      page.navigate(app.baseUrl() + "/admin/articles/new?lang=en");
      page.fill("#title", "An author's own draft");
      page.fill("#body", "Text.");
      click(page, "Create draft");
      assertThat(page).hasURL(Pattern.compile(".*/admin/articles/[0-9]+$"));
      long id = idOf(page);
      assertThat(page.getByText("Save and publish now")).hasCount(0);
      assertThat(page.getByText("Save and schedule")).hasCount(0);
      // The same author's own session, posting the publish form directly.
      Map<String, String> fields =
          EditorialScreensTest.fields("an-authors-own-draft", "Published anyway", "Text.");
      fields.put("revision", "1");
      var posted = author.post("/admin/articles/" + id + "/publish", fields);
      assertEquals(403, posted.statusCode());
      assertEquals(WorkflowState.DRAFT, state(id));
      assertEquals(List.of(), errors);
    }
  }

  static WorkflowState state(long id) {
    return app.app().editorial().editorial().find(id).orElseThrow().state();
  }
}
