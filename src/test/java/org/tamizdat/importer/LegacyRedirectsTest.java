package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;

/** Old WordPress addresses over real HTTP, next to the site's own routes, which must not change. */
class LegacyRedirectsTest {
  @TempDir static Path dir;
  static TestApp app;

  @BeforeAll
  static void importHarbour() {
    app = TestApp.start(dir, Map.of());
    Path file = ImportFixtures.fixture(dir, "wxr-1.2.xml");
    app.app()
        .importWordPress(
            new WordPressImporter.Options(
                file, Optional.of(ImportFixtures.uploads(dir)), Optional.empty(), false),
            ImportProgress.NONE);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void assertMoved(String path, String to) {
    HttpResponse<String> response = app.get(path);
    assertEquals(301, response.statusCode(), path);
    assertEquals(to, response.headers().firstValue("Location").orElse(""), path);
  }

  @Test
  void oldAddressesAnswer301WithTheNewOne() {
    String fleet = "/en/2024/05/03/fleet-returns";
    assertMoved("/?p=100", fleet);
    assertMoved("/2024/05/03/fleet-returns/", fleet);
    assertMoved("/2024/05/03/fleet-returns", fleet);
    assertMoved("/index.php?p=100", fleet);
    assertMoved("/2024/05/07/fleet-returns/", "/en/2024/05/07/fleet-returns-2");
    assertMoved("/about/", "/en/2023/01/01/about");
    assertMoved("/about", "/en/2023/01/01/about");
    assertMoved("/?page_id=2", "/en/2023/01/01/about");
    assertEquals(301, app.send("HEAD", "/?p=100").statusCode());
    HttpResponse<String> page = app.get(fleet);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Fishing fleet returns &amp; the port reopens"), page.body());
    assertTrue(page.body().contains("/media/wp-20-harbour.jpg"));
    assertEquals(200, app.getBytes("/media/wp-20-harbour.jpg").statusCode());
  }

  @Test
  void draftsScheduledPiecesAndUnknownAddressesDoNotRedirect() {
    assertEquals(404, app.get("/2024/05/05/private-note/").statusCode());
    assertEquals(404, app.get("/2024/05/06/never-existed/").statusCode());
    HttpResponse<String> draft = app.get("/?p=103");
    assertEquals(302, draft.statusCode());
    assertEquals("/en/", draft.headers().firstValue("Location").orElse(""));
    assertEquals(302, app.get("/?p=102").statusCode());
    assertEquals(302, app.get("/?p=abc").statusCode());
  }

  @Test
  void theSiteOwnRoutesAreUnchanged() {
    HttpResponse<String> root = app.get("/", "Accept-Language", "ru");
    assertEquals(302, root.statusCode());
    assertEquals("/ru/", root.headers().firstValue("Location").orElse(""));
    assertEquals(200, app.get("/en/").statusCode());
    assertMoved("/en", "/en/");
    assertEquals(404, app.get("/xx/").statusCode());
    assertEquals(200, app.get("/en/section/pages").statusCode());
    assertEquals(200, app.get("/sitemap.xml").statusCode());
  }
}
