package org.tamizdat.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.TestApp;

/** A primary-site export holds every public page, byte for byte what the live site serves. */
class StaticExportTest {
  @TempDir static Path dir;
  static TestApp site;
  static Path out;
  static ExportReport first;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir.resolve("app"), Map.of());
    out = dir.resolve("export");
    first = export(out);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static ExportReport export(Path to) {
    ExportTarget primary = ExportTarget.of(site.app().config(), Optional.empty(), false);
    return site.app().export(to, primary, false, ExportProgress.NONE);
  }

  @Test
  void everyFileIsWhatTheLiveSiteServesAtTheSameAddress() {
    Map<String, byte[]> files = ExportFiles.read(out);
    assertEquals(first.files(), files.size());
    assertTrue(files.size() > 100, "pages, feeds, sitemaps, assets and media: " + files.size());
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = ExportFiles.urlPath(file.getKey());
      if (path.equals("/")) {
        continue; // the live root redirects by language; the export offers both editions
      }
      HttpResponse<byte[]> live = site.getBytes(path);
      int expected = file.getKey().endsWith("404.html") ? 404 : 200;
      assertEquals(expected, live.statusCode(), path);
      assertArrayEquals(live.body(), file.getValue(), path);
    }
  }

  @Test
  void addressesMapToFilesAPlainStaticServerFinds() {
    for (String file :
        new String[] {
          "index.html",
          "en/index.html",
          "en/page/2/index.html",
          "ru/section/investigations/index.html",
          "ru/tag/ekologiya/index.html",
          "en/author/zoya-kremneva/index.html",
          DemoPaths.EN_ARTICLE.substring(1) + "/index.html",
          "en/feed.atom",
          "en/section/investigations/feed.json",
          "sitemap.xml",
          "sitemaps/articles-2026-11.xml",
          "sitemaps/news.xml",
          "robots.txt",
          "mirrors.json",
          "en/reach-us/index.html",
          "404.html",
          "ru/404.html"
        }) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    assertTrue(
        ExportFiles.read(out).keySet().stream()
            .anyMatch(f -> f.matches("assets/site\\.[0-9a-f]{10}\\.css")));
    assertTrue(ExportFiles.read(out).keySet().stream().anyMatch(f -> f.startsWith("media/demo-")));
    assertFalse(
        ExportFiles.read(out).keySet().stream().anyMatch(f -> f.contains("draft")),
        "drafts stay on the server");
    assertTrue(Files.isRegularFile(out.resolve(Manifest.FILE)));
  }

  @Test
  void aSecondRunWithNothingChangedWritesNothing() {
    ExportReport again = export(out);
    assertTrue(again.incremental());
    assertEquals(0, again.written());
    assertEquals(0, again.removed());
    assertEquals(first.files(), again.files());
    assertTrue(again.rendered() < first.files() / 2, "checked " + again.rendered());
  }

  @Test
  void aDirectoryWithOtherFilesIsRefused() throws Exception {
    Path other = Files.createDirectories(dir.resolve("someone-elses"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> export(other));
    assertTrue(e.getMessage().contains("holds no earlier export"), e.getMessage());
    assertTrue(Files.exists(other.resolve("notes.txt")));
  }
}
