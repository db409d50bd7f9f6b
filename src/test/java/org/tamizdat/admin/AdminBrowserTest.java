package org.tamizdat.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.Chromium;
import org.tamizdat.testing.TestApp;

/**
 * A new editor in real Chromium on http://127.0.0.1: sets a password from the link, enrols TOTP by
 * reading the key shown beside the QR code, logs in, sees the dashboard, logs out — under the
 * site's strict CSP, without a console error.
 */
@Tag("browser")
class AdminBrowserTest {
  @TempDir static Path dir;
  static TestApp app;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() {
    Chromium.require("AdminBrowserTest");
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

  @Test
  void editorSetsPasswordEnrolsLogsInAndOut() {
    StaffAccounts.Created created =
        app.app().admin().accounts().create(null, "ed@lantern.example", "Ed Itor", Role.EDITOR);
    String password = "violet harbour seventeen";
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      List<String> errors = new ArrayList<>();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) errors.add(m.text());
      });
      page.onPageError(errors::add);
      page.onResponse(r -> {
        if (r.status() >= 400) errors.add(r.status() + " " + r.url());
      });

      page.navigate(app.baseUrl() + "/admin/set-password?token=" + created.token());
      page.fill("#password", password);
      page.fill("#repeat", password);
      page.click("button[type=submit]");
      page.waitForURL(app.baseUrl() + "/admin/login?done=password");
      assertThat(page.locator(".notice")).containsText("Your password is set");

      page.fill("#email", "ed@lantern.example");
      page.fill("#password", password);
      page.click("form.admin-form button[type=submit]");
      page.waitForURL(app.baseUrl() + "/admin/totp/enrol");
      // The QR code is our own SVG, and it loaded.
      assertThat(page.locator(".totp-qr img")).isVisible();
      Object width = page.evalOnSelector(".totp-qr img", "img => img.naturalWidth");
      assertTrue(((Number) width).intValue() > 100, "QR image width " + width);
      String secret = page.locator("#totp-secret").textContent().replace(" ", "");
      page.fill("#code", Totp.code(secret, app.app().clock().millis()));
      page.click("form.admin-form button[type=submit]");
      assertThat(page.locator(".recovery-codes li")).hasCount(10);
      page.click("a.button");

      page.waitForURL(app.baseUrl() + "/admin");
      assertThat(page.locator("h1")).hasText("Dashboard");
      assertThat(page.locator(".admin-who")).containsText("Ed Itor");
      Cookie cookie =
          context.cookies().stream()
              .filter(c -> c.name.equals(SessionCookie.NAME))
              .findFirst()
              .orElseThrow(() -> new AssertionError("Chromium kept no session cookie"));
      assertTrue(cookie.secure && cookie.httpOnly, "Secure and HttpOnly");
      assertEquals(SameSiteAttribute.STRICT, cookie.sameSite);
      assertEquals("/", cookie.path);

      page.click(".admin-logout button");
      page.waitForURL(app.baseUrl() + "/admin/login");
      page.navigate(app.baseUrl() + "/admin");
      assertEquals(app.baseUrl() + "/admin/login", page.url());
      assertEquals(List.of(), errors, "console errors (CSP violations show here)");
    }
  }
}
