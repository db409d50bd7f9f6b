package org.tamizdat.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.media.ImageFixtures.halves;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.admin.editorial.CatalogEditor;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.export.ExportProgress;
import org.tamizdat.export.ExportTarget;
import org.tamizdat.testing.TestApp;

/** Library images on the live site and in an export: every size, no metadata, with srcset. */
class MediaSiteTest {
  @TempDir static Path dir;
  static TestApp site;
  static StoredMedia lead;
  static StoredMedia inBody;
  static StoredMedia portrait;
  static String articlePath;

  @BeforeAll
  static void start() {
    site = TestApp.start(dir.resolve("app"), Map.of());
    MediaLibrary media = site.app().media();
    lead =
        media.ingest(
            ImageFixtures.jpegWithEverything(halves(2000, 1000), 1),
            "IMG_2041.jpg",
            new MediaText("Flooded street in Tulvinsk", "", "Anna K."),
            null);
    inBody =
        media.ingest(
            ImageFixtures.webpWithEverything(1000, 600, 1), "boat.webp", MediaText.none(), null);
    portrait =
        media.ingest(
            ImageFixtures.jpegWithEverything(halves(800, 800), 1),
            "me.jpg",
            MediaText.none(),
            null);
    new CatalogEditor(
            site.app().database(), site.app().catalog(), new ChangeLog(java.time.Clock.systemUTC()))
        .saveAuthor(
            "ilse-varga",
            Map.of(Language.EN, "Ilse Varga", Language.RU, "Ильзе Варга"),
            Map.of(Language.EN, "Covers the river towns."),
            portrait.name());
    Instant published = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    site.app().articleWriter().save(article(published, "A boat in the square"));
    site.app().changed();
    articlePath =
        "/en/"
            + DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .format(published.atZone(ZoneId.of("Europe/Riga")))
            + "/flood-photos";
  }

  static ArticleInput article(Instant published, String bodyAlt) {
    return new ArticleInput(
        Language.EN,
        "flood-photos",
        null,
        "",
        "Flood photos",
        "",
        "Before.\n\n![" + bodyAlt + "](/media/" + inBody.name() + ")\n\nAfter.",
        null,
        List.of(),
        List.of(),
        Status.PUBLISHED,
        published,
        null,
        lead.name(),
        "The river rose overnight.");
  }

  /** A srcset of one stored image: each entry is a file name's ending and its width. */
  static String srcset(String key, String... entries) {
    return java.util.Arrays.stream(entries)
        .map(entry -> "/media/" + key + entry)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void everySizeIsServedWithItsTypeALongCacheAndNoMetadata() {
    for (StoredMedia media : List.of(lead, inBody, portrait)) {
      for (MediaFile file : media.files()) {
        HttpResponse<byte[]> response = site.getBytes("/media/" + file.name());
        assertEquals(200, response.statusCode(), file.name());
        assertEquals(file.mime(), response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
            "nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(
            "public, max-age=31536000, immutable",
            response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(file.bytes(), response.body().length);
        ImageIngestTest.assertNoMetadata(file.name(), response.body());
      }
    }
  }

  @Test
  void namesOutsideTheLibraryPatternAreNotFound() {
    for (String path :
        List.of(
            "/media/..%2Ftamizdat.db",
            "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/media/.upload-1.tmp",
            "/media/" + lead.key() + ".gif",
            "/media/" + "0".repeat(24) + ".jpg")) {
      assertEquals(404, site.get(path).statusCode(), path);
    }
  }

  @Test
  void articlePageOffersEverySizeWithAltTextAndCredit() {
    HttpResponse<String> page = site.get(articlePath);
    assertEquals(200, page.statusCode(), articlePath);
    String html = page.body();
    String key = lead.key();
    assertTrue(
        html.contains(
            "<img src=\"/media/"
                + key
                + "-960.jpg\" srcset=\""
                + srcset(key, "-480.jpg 480w", "-960.jpg 960w", "-1600.jpg 1600w", ".jpg 2000w")
                + "\" sizes=\"(min-width: 42rem) 40rem, 100vw\""
                + " alt=\"Flooded street in Tulvinsk\" width=\"2000\" height=\"1000\">"),
        html);
    assertTrue(
        html.contains(
            "<figcaption>The river rose overnight. <span class=\"credit\">Anna K.</span>"),
        html);
    String body = inBody.key();
    assertTrue(
        html.contains(
            "src=\"/media/"
                + body
                + "-960.jpg\" alt=\"A boat in the square\" srcset=\""
                + srcset(body, "-480.jpg 480w", "-960.jpg 960w", ".webp 1000w")
                + "\""),
        html);
    assertTrue(html.contains("width=\"1000\" height=\"600\" loading=\"lazy\""), html);
  }

  @Test
  void listingCardsOfferEverySizeToo() {
    String home = site.get("/en/").body();
    String key = lead.key();
    assertTrue(
        home.contains(
            "<img src=\"/media/"
                + key
                + "-960.jpg\" srcset=\""
                + srcset(key, "-480.jpg 480w", "-960.jpg 960w", "-1600.jpg 1600w", ".jpg 2000w")
                + "\" sizes=\"(min-width: 72rem) 42rem, (min-width: 46rem) 60vw, 100vw\""),
        home);
  }

  @Test
  void anAuthorsPageShowsTheirPhotoInEverySize() {
    String page = site.get("/ru/author/ilse-varga").body();
    String key = portrait.key();
    assertTrue(
        page.contains(
            "<img class=\"author-photo\" src=\"/media/"
                + key
                + ".jpg\" srcset=\""
                + srcset(key, "-480.jpg 480w", ".jpg 800w")
                + "\" sizes=\"7rem\" width=\"800\" height=\"800\" alt=\"\">"),
        page);
    assertTrue(site.get("/en/author/ilse-varga").body().contains("Covers the river towns."));
  }

  @Test
  void exportCarriesEverySizeOfEveryImageItShows() throws Exception {
    Path out = dir.resolve("export");
    ExportTarget target = ExportTarget.of(site.app().config(), Optional.empty(), false);
    site.app().export(out, target, true, ExportProgress.NONE);
    Path mediaDir = site.app().config().mediaDir();
    for (StoredMedia media : List.of(lead, inBody, portrait)) {
      for (MediaFile file : media.files()) {
        Path exported = out.resolve("media").resolve(file.name());
        assertTrue(Files.isRegularFile(exported), file.name());
        assertArrayEquals(
            Files.readAllBytes(mediaDir.resolve(file.name())), Files.readAllBytes(exported));
      }
    }
  }

  @Test
  void publishingAsksForAltTextOfEveryImage() {
    MediaChecks checks = site.app().mediaChecks();
    ArticleRepository articles =
        new ArticleRepository(site.app().database(), java.time.Clock.systemUTC());
    var saved = articles.findPublished(Language.EN, "flood-photos").orElseThrow();
    assertEquals(List.of(), checks.missingAltText(saved));

    ArticleInput noAlt = article(Instant.now(), "");
    assertEquals(
        List.of(new MediaChecks.MissingAlt("/media/" + inBody.name(), false)),
        checks.missingAltText(noAlt, new BodyRenderer()));
    List<MediaChecks.MissingAlt> leadMissing =
        checks.missingAltText(inBody.name(), "<p>No pictures</p>");
    assertEquals(List.of(new MediaChecks.MissingAlt(inBody.name(), true)), leadMissing);
    assertTrue(leadMissing.getFirst().describe().contains("no alt text"));
    assertEquals(1, checks.missingAltText("lantern.svg", "").size(), "outside the library");
  }
}
