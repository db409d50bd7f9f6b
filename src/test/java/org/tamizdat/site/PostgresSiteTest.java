package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/** The whole site on PostgreSQL: demo load, listings, an article and its translation. */
@Tag("postgres")
class PostgresSiteTest {
  @TempDir Path dir;

  @Test
  void servesTheDemoNewsroomFromPostgres() {
    try (TestApp site = TestApp.start(dir, TestDatabase.postgres(), Map.of())) {
      assertTrue(site.app().config().isPostgres());
      assertEquals(200, site.get("/en/").statusCode());
      assertEquals(200, site.get("/ru/page/2").statusCode());
      String article = site.get(PublicSiteTest.EN_ARTICLE).body();
      assertTrue(
          article.contains(
              "hreflang=\"ru\" href=\""
                  + site.app().config().baseUrl()
                  + PublicSiteTest.RU_ARTICLE
                  + "\""),
          article);
      assertTrue(site.get(PublicSiteTest.RU_ARTICLE).body().contains("Сосновый"));
      assertEquals(200, site.get("/ru/tag/ekologiya").statusCode());
      assertEquals(404, site.get("/en/2026/11/24/draft-regional-budget-cuts-notes").statusCode());
    }
  }
}
