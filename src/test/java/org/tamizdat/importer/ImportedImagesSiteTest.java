package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.media.ImageFixtures.indexOf;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.media.ImageFixtures;
import org.tamizdat.testing.TestApp;

/** An imported photo on the live site: from the library, every size offered, no GPS served. */
class ImportedImagesSiteTest {
  @TempDir Path dir;

  @Test
  void theArticlePageShowsTheImportedPhotoWithSrcsetAndServesItWithoutGps() {
    try (TestApp site = TestApp.start(dir.resolve("app"), Map.of())) {
      ImportReport report =
          site.app()
              .importWordPress(
                  new WordPressImporter.Options(
                      ImportFixtures.fixture(dir, "wxr-1.2.xml"),
                      Optional.of(ImportFixtures.uploads(dir)),
                      Optional.empty(),
                      false),
                  ImportProgress.NONE);
      assertEquals(2, report.count("images stored"), report.lines().toString());

      HttpResponse<String> page = site.get("/en/2024/05/03/fleet-returns");
      assertEquals(200, page.statusCode());
      Matcher img =
          Pattern.compile(
                  "<img src=\"/media/([0-9a-f]{24})-960\\.jpg\" srcset=\"/media/\\1-480\\.jpg 480w,"
                      + " /media/\\1-960\\.jpg 960w, /media/\\1\\.jpg 1200w\"[^>]*"
                      + " alt=\"Fishing boats in the harbour\"")
              .matcher(page.body());
      assertTrue(img.find(), page.body());

      for (String file : new String[] {img.group(1) + ".jpg", img.group(1) + "-480.jpg"}) {
        HttpResponse<byte[]> served = site.getBytes("/media/" + file);
        assertEquals(200, served.statusCode(), file);
        assertEquals(-1, indexOf(served.body(), ImageFixtures.GPS_LATITUDE), file);
      }
    }
  }
}
