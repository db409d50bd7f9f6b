package org.tamizdat.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.config.Config;
import org.tamizdat.testing.DemoPaths;
import org.tamizdat.testing.TestApp;

/** Exports for a mirror, for the onion service and for another address. */
class ExportTargetsTest {
  static final String MIRROR = "https://mirror-one.example";
  static final String ONION = "http://" + "q".repeat(52) + "abcd.onion";
  static final String ARTICLE_FILE = DemoPaths.EN_ARTICLE.substring(1) + "/index.html";

  @TempDir static Path dir;
  static TestApp site;
  static String primary;
  static Map<String, byte[]> live;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir.resolve("app"), Map.of("MIRRORS", MIRROR, "ONION_URL", ONION));
    primary = site.app().config().baseUrl().toString();
    live = ExportFiles.read(export("primary", Optional.empty(), false));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Path export(String name, Optional<URI> base, boolean onion) {
    Path out = dir.resolve(name);
    ExportTarget target = ExportTarget.of(site.app().config(), base, onion);
    site.app().export(out, target, false, ExportProgress.NONE);
    return out;
  }

  static String text(Map<String, byte[]> files, String file) {
    return new String(files.get(file), StandardCharsets.UTF_8);
  }

  @Test
  void aMirrorsPagesAreThePrimarysAndItsFeedsStayOnTheMirror() {
    Map<String, byte[]> mirror =
        ExportFiles.read(export("mirror", Optional.of(URI.create(MIRROR)), false));
    assertEquals(live.keySet(), mirror.keySet());
    for (String file : live.keySet()) {
      if (file.endsWith(".html")) {
        assertArrayEquals(
            live.get(file), mirror.get(file), "canonical links name the primary: " + file);
      }
    }
    Document article = Jsoup.parse(text(mirror, ARTICLE_FILE));
    assertEquals(
        primary + DemoPaths.EN_ARTICLE, article.selectFirst("link[rel=canonical]").attr("href"));
    String feed = text(mirror, "en/feed.atom");
    assertTrue(
        feed.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\""
                + MIRROR
                + "/en/feed.atom\"/>"),
        feed);
    assertTrue(
        feed.contains("href=\"" + MIRROR + DemoPaths.EN_ARTICLE + "\""),
        "readers stay on the mirror");
    assertTrue(
        feed.contains("<id>" + primary + DemoPaths.EN_ARTICLE + "</id>"),
        "ids are the same everywhere");
    assertTrue(text(mirror, "robots.txt").contains("Sitemap: " + MIRROR + "/sitemap.xml"));
    assertTrue(
        text(mirror, "sitemap.xml").contains("<loc>" + MIRROR + "/sitemaps/pages.xml</loc>"));
    for (Map.Entry<String, byte[]> file : mirror.entrySet()) {
      if (References.isText(file.getKey()) && !file.getKey().equals("mirrors.json")) {
        for (String url : References.in(file.getValue())) {
          assertTrue(
              Set.of(primary, MIRROR, ONION).contains(References.origin(url)),
              file.getKey() + " points to " + url);
        }
      }
    }
  }

  @Test
  void anOnionExportNeverPointsToTheClearnet() {
    Map<String, byte[]> onion = ExportFiles.read(export("onion", Optional.empty(), true));
    for (Map.Entry<String, byte[]> file : onion.entrySet()) {
      if (!References.isText(file.getKey()) || file.getKey().equals("mirrors.json")) {
        continue;
      }
      for (String url : References.in(file.getValue())) {
        boolean addressAsText =
            file.getKey().endsWith("reach-us/index.html")
                && Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8))
                    .select(".addresses code")
                    .eachText()
                    .contains(url);
        assertTrue(
            url.startsWith(ONION + "/") || url.equals(ONION) || addressAsText,
            file.getKey() + " points to " + url);
      }
    }
    Document article = Jsoup.parse(text(onion, ARTICLE_FILE));
    assertEquals(
        ONION + DemoPaths.EN_ARTICLE, article.selectFirst("link[rel=canonical]").attr("href"));
    assertTrue(text(onion, "en/feed.rss").contains("<link>" + ONION + "/en/</link>"));
    Document reach = Jsoup.parse(text(onion, "en/reach-us/index.html"));
    assertTrue(
        reach.select(".addresses code").eachText().contains(MIRROR), "mirrors named as text");
    assertTrue(reach.select("a[href^=http]").isEmpty());
  }

  @Test
  void anotherAddressGetsItsOwnCanonicalLinks() {
    String other = "https://new-domain.example";
    Map<String, byte[]> moved =
        ExportFiles.read(export("other", Optional.of(URI.create(other)), false));
    for (String file : live.keySet()) {
      // The address list names the configured addresses, wherever the copy is.
      boolean addressList = file.equals("mirrors.json") || file.endsWith("reach-us/index.html");
      if (References.isText(file) && !addressList) {
        String expected = text(live, file).replace(primary, other);
        assertEquals(expected, text(moved, file), "only the base differs: " + file);
      }
    }
  }

  @Test
  void targetsAreCheckedAgainstTheSettings() {
    Config config = site.app().config();
    assertEquals(
        ExportTarget.Kind.MIRROR,
        ExportTarget.of(config, Optional.of(URI.create(MIRROR)), false).kind());
    assertEquals(
        ExportTarget.Kind.PRIMARY,
        ExportTarget.of(config, Optional.of(config.baseUrl()), false).kind());
    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExportTarget.of(config, Optional.of(URI.create(MIRROR)), true));
    assertTrue(both.getMessage().contains("exclude each other"));
    assertFalse(Files.exists(dir.resolve("never")));
  }
}
