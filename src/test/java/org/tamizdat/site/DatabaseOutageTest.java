package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;

/** When storage fails, readers get a localized 500 page and cached pages keep being served. */
class DatabaseOutageTest {
  @TempDir Path dir;

  @Test
  void lostDatabaseGivesLocalizedErrorPagesAndCachedPagesSurvive() {
    try (TestApp site = TestApp.start(dir, Map.of())) {
      assertEquals(200, site.get("/ru/").statusCode());
      site.app().database().close();

      assertEquals(200, site.get("/ru/").statusCode(), "a cached page needs no database");
      HttpResponse<String> uncached = site.get("/ru/section/culture");
      assertEquals(500, uncached.statusCode());
      assertTrue(uncached.body().contains("Что-то пошло не так"), uncached.body());
      assertTrue(uncached.body().contains("Северный фонарь"), "rendered with the site's layout");
      assertFalse(uncached.body().contains("Exception"), "no stack trace for readers");
      assertEquals(503, site.get("/healthz").statusCode());
    }
  }
}
