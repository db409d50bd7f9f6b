package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tamizdat.media.ImageFixtures.ascii;
import static org.tamizdat.media.ImageFixtures.indexOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.Author;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.Language;
import org.tamizdat.article.Tag;
import org.tamizdat.config.MediaSettings;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.media.FileMediaStore;
import org.tamizdat.media.ImageFixtures;
import org.tamizdat.media.ImageIngest;
import org.tamizdat.media.MediaLibrary;
import org.tamizdat.media.MediaNames;
import org.tamizdat.media.MediaRepository;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.TestDatabase;

/**
 * Importing WXR files into real storage; subclasses pick the engine, so every assertion holds on
 * SQLite and on PostgreSQL.
 */
abstract class WordPressImportContract {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  MigratedDatabase migrated;
  Database database;
  ArticleRepository articles;
  Path media;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    migrated = MigratedDatabase.open(newDatabase());
    database = migrated.database();
    articles = new ArticleRepository(database, clock);
    media = dir.resolve("media");
  }

  @AfterEach
  void close() {
    if (migrated != null) { // null when the database was skipped (no PostgreSQL)
      migrated.close();
    }
  }

  ImportReport run(Path file, Optional<Path> uploads, boolean dryRun) {
    return run(file, uploads, dryRun, new LibrarySink(library(), dryRun));
  }

  MediaLibrary library() {
    MediaRepository repository = new MediaRepository(database, new ChangeLog(clock));
    return new MediaLibrary(
        new ImageIngest(new FileMediaStore(media), repository, MediaSettings.defaults(), clock),
        repository);
  }

  /** The stored original of the library's one image of this type. */
  String original(String mime) {
    return database.read(h ->
        h.createQuery("SELECT name FROM media_file WHERE is_original = 1 AND mime = :mime")
            .bind("mime", mime)
            .mapTo(String.class)
            .one());
  }

  ImportReport run(Path file, Optional<Path> uploads, boolean dryRun, AttachmentSink sink) {
    ChangeLog changeLog = new ChangeLog(clock);
    ArticleWriter writer = new ArticleWriter(database, changeLog, new BodyRenderer(), clock);
    return new WordPressImporter(database, writer, changeLog, clock, ZoneId.of("Europe/Riga"))
        .run(
            new WordPressImporter.Options(file, uploads, Optional.empty(), dryRun),
            sink,
            ImportProgress.NONE);
  }

  ImportReport importHarbour() {
    return run(
        ImportFixtures.fixture(dir, "wxr-1.2.xml"),
        Optional.of(ImportFixtures.uploads(dir)),
        false);
  }

  long count(String table) {
    return database.read(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  String status(String slug) {
    return database.read(h ->
        h.createQuery("SELECT status FROM article WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(String.class)
            .one());
  }

  List<String> mediaFiles() throws IOException {
    if (!Files.isDirectory(media)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(media)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void importsPostsPagesAuthorsSectionsImagesAndStatuses() throws IOException {
    ImportReport report = importHarbour();

    assertEquals(8, report.count("posts created"), report.lines().toString());
    assertEquals(1, report.count("pages created"));
    assertEquals(2, report.count("comments (skipped)"));
    assertEquals(
        Map.of("publish", 6, "future", 1, "draft", 1, "pending", 1, "private", 1),
        report.statuses());
    assertTrue(
        report.skipped().stream().anyMatch(s -> s.startsWith("post 106") && s.contains("'trash'")));
    assertTrue(
        report.skipped().contains("post 108: no title and no text"), report.skipped().toString());
    assertTrue(report.lines().stream().anyMatch(l -> l.matches("\\s*nav_menu_item\\s+1")));
    assertEquals(
        List.of("post 100 \"Fishing fleet returns &amp; the port reopens\""), report.sticky());

    Article fleet = articles.findPublished(Language.EN, "fleet-returns").orElseThrow();
    assertEquals("Fishing fleet returns & the port reopens", fleet.title());
    assertEquals("Harbour", fleet.kicker());
    assertEquals("After three weeks at sea, the boats are back.", fleet.dek());
    assertEquals("port-news", fleet.section().slug());
    assertEquals("Port & Shipping", fleet.section().name());
    assertEquals(List.of("City", "Fishing"), fleet.tags().stream().map(Tag::name).toList());
    assertEquals(List.of("Mira Holt"), fleet.authors().stream().map(Author::name).toList());
    assertEquals(Instant.parse("2024-05-03T08:30:00Z"), fleet.publishedAt());
    assertEquals(Instant.parse("2024-05-04T10:00:00Z"), fleet.updatedAt());
    String harbour = original("image/jpeg");
    String crane = original("image/png");
    assertTrue(MediaNames.isLibraryFile(harbour), harbour);
    assertEquals(harbour, fleet.leadImage());

    String body = fleet.bodyHtml();
    assertTrue(
        body.contains("<p>The fleet came back on Friday after “three weeks” at sea.<br />"), body);
    assertTrue(
        body.contains(
            "<figure><img src=\"/media/"
                + harbour
                + "\" alt=\"Fishing boats in the harbour\" />"
                + "<figcaption>Boats at first light</figcaption></figure>"),
        body);
    assertTrue(
        body.contains(
            "<figure class=\"gallery\"><img src=\"/media/"
                + harbour
                + "\" alt=\"Fishing boats in the harbour\" /><img src=\"/media/"
                + crane
                + "\" alt=\"\" />"
                + "</figure>"),
        body);
    assertFalse(body.contains("javascript"), body);
    assertFalse(body.contains("onclick"), body);
    assertFalse(body.contains("steal"), body);
    assertTrue(body.contains("harbour master’s statement"), body);
    assertTrue(body.contains("<a href=\"https://city.example/notice\""), body);
    // An image from another server is linked, never loaded by readers' browsers.
    assertFalse(body.contains("<img src=\"https://tracker.example"), body);
    assertTrue(body.contains("<a href=\"https://tracker.example/pixel.png\""), body);
    assertFalse(body.contains("contact-form"), body);
    assertTrue(body.contains("We will fish again."), body);
    assertFalse(body.contains("su_quote"), body);
    assertTrue(body.contains("<li>Herring: <strong>40 tonnes</strong></li>"), body);
    assertTrue(body.contains("<p># not a heading</p>"), body);

    List<String> warnings = report.warnings();
    assertTrue(
        warnings.contains(
            "post 100 \"Fishing fleet returns &amp; the port reopens\": shortcode [contact-form-7] removed"),
        warnings.toString());
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.startsWith("post 100") && w.contains("[su_quote] removed")));
    assertTrue(
        warnings.stream()
            .anyMatch(w ->
                w.startsWith("post 101")
                    && w.contains("image refused")
                    && w.contains("sneaky.svg")),
        warnings.toString());
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.startsWith("post 107") && w.contains("author 'ghost' is missing")));

    Article block = articles.findPublished(Language.EN, "block-story").orElseThrow();
    String blockBody = block.bodyHtml();
    assertTrue(blockBody.contains("<h3>A subheading</h3>"), blockBody);
    assertTrue(
        blockBody.contains(
            "<figure><img src=\"/media/"
                + crane
                + "\" alt=\"A crane\" /><figcaption>The new crane</figcaption></figure>"),
        blockBody);
    assertTrue(blockBody.contains("<blockquote>"), blockBody);
    assertTrue(blockBody.contains("Raw block text"), blockBody);
    assertTrue(blockBody.contains("<a href=\"https://example.org/a_%28b%29\""), blockBody);
    for (String bad : List.of("<script", "alert", "onerror", "onmouseover", "sneaky", "wp:")) {
      assertFalse(blockBody.contains(bad), bad + " in " + blockBody);
    }
    assertEquals(List.of("Karl Ek"), block.authors().stream().map(Author::name).toList());

    assertEquals("published", status("scheduled-report"));
    assertTrue(articles.findPublished(Language.EN, "scheduled-report").isEmpty());
    assertEquals(Optional.of(Instant.parse("2099-01-01T09:00:00Z")), articles.nextPublication());
    assertEquals("draft", status("draft-piece"));
    assertEquals("draft", status("pending-piece"));
    assertEquals("draft", status("private-note"));

    Article untitled = articles.findPublished(Language.EN, "untitled").orElseThrow();
    assertEquals(
        "Ferry timetable changes from Monday, the port authority says today.", untitled.title());
    assertEquals(List.of("ghost"), untitled.authors().stream().map(Author::name).toList());
    assertEquals(
        "A second story with the same slug.\n",
        database.read(h ->
            h.createQuery("SELECT body_md FROM article WHERE slug = 'fleet-returns-2'")
                .mapTo(String.class)
                .one()));
    assertTrue(
        warnings.stream()
            .anyMatch(w ->
                w.startsWith("post 109")
                    && w.contains("'fleet-returns' is taken: imported as 'fleet-returns-2'")));

    Article about = articles.findPublished(Language.EN, "about").orElseThrow();
    assertEquals("pages", about.section().slug());
    assertEquals("Pages", about.section().name());

    assertEquals(2, report.count("images stored"));
    assertEquals(1, report.count("images refused"));
  }

  @Test
  void importedImagesAreLibraryItemsWithoutAnyMetadataInAnySize() throws IOException {
    importHarbour();
    assertEquals(2, count("media"));
    // 1200 wide: the original, 480 and 960; the 300-wide PNG: only its original.
    List<String> files = mediaFiles();
    assertEquals(4, files.size(), files.toString());
    assertEquals(4, count("media_file"));
    assertTrue(indexOf(ImportFixtures.JPEG, ImageFixtures.GPS_LATITUDE) >= 0, "fixture has GPS");
    for (String name : files) {
      assertTrue(MediaNames.isLibraryFile(name), name);
      byte[] stored = Files.readAllBytes(media.resolve(name));
      assertEquals(-1, indexOf(stored, ImageFixtures.GPS_LATITUDE), name + ": GPS latitude");
      assertEquals(-1, indexOf(stored, ImageFixtures.GPS_LONGITUDE), name + ": GPS longitude");
      for (String marker : ImageFixtures.MARKERS) {
        assertEquals(-1, indexOf(stored, ascii(marker)), name + " still contains '" + marker + "'");
      }
    }
    // The texts WordPress kept about the photo describe the library item too.
    assertEquals(
        List.of("Fishing boats in the harbour|Boats at first light"),
        database.read(h ->
            h.createQuery("SELECT alt_text || '|' || caption FROM media WHERE mime = 'image/jpeg'")
                .mapTo(String.class)
                .list()));
  }

  @Test
  void remembersOldAddressesForRedirects() {
    importHarbour();
    Map<String, String> redirects =
        database.read(h ->
            h.createQuery(
                    "SELECT r.old_path, a.slug FROM legacy_redirect r JOIN article a ON a.id = r.article_id")
                .setMapKeyColumn("old_path")
                .setMapValueColumn("slug")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
    assertEquals("fleet-returns", redirects.get("/2024/05/03/fleet-returns"));
    assertEquals("fleet-returns", redirects.get("?p=100"));
    assertEquals("fleet-returns-2", redirects.get("/2024/05/07/fleet-returns"));
    assertEquals("about", redirects.get("/about"));
    assertEquals("about", redirects.get("?page_id=2"));
    assertEquals("draft-piece", redirects.get("?p=103"));
  }

  @Test
  void aSecondRunUpdatesInPlaceAndANewerExportChangesTheArticle() throws IOException {
    importHarbour();
    long articlesBefore = count("article");
    long idBefore = articles.findPublished(Language.EN, "fleet-returns").orElseThrow().id();

    Path newer = dir.resolve("newer.xml");
    Files.writeString(
        newer,
        Files.readString(dir.resolve("wxr-1.2.xml"))
            .replace("Fishing fleet returns &amp; the port reopens", "Fleet back: port reopens"));
    ImportReport again = run(newer, Optional.of(dir.resolve("uploads")), false);

    assertEquals(8, again.count("posts updated"), again.lines().toString());
    assertEquals(0, again.count("posts created"));
    assertEquals(1, again.count("pages updated"));
    assertEquals(articlesBefore, count("article"));
    assertEquals(9, count("wordpress_post"));
    Article fleet = articles.findPublished(Language.EN, "fleet-returns").orElseThrow();
    assertEquals(idBefore, fleet.id());
    assertEquals("Fleet back: port reopens", fleet.title());
    assertTrue(articles.findPublished(Language.EN, "fleet-returns-3").isEmpty());
    assertEquals(2, count("media"));
    assertEquals(4, mediaFiles().size());
    assertEquals(2, again.count("images stored"));
  }

  @Test
  void aDryRunReportsTheSameAndWritesNothing() throws IOException {
    ImportReport dry =
        run(
            ImportFixtures.fixture(dir, "wxr-1.2.xml"),
            Optional.of(ImportFixtures.uploads(dir)),
            true);
    assertTrue(dry.isDryRun());
    assertEquals(8, dry.count("posts created"));
    assertEquals("dry run: nothing was written", dry.lines().get(0));
    assertEquals(0, count("article"));
    assertEquals(0, count("wordpress_post"));
    assertEquals(0, count("legacy_redirect"));
    assertEquals(0, count("author"));
    assertEquals(0, count("media"));
    assertEquals(List.of(), mediaFiles());
    assertEquals(2, dry.count("images stored"));
    assertEquals(1, dry.count("images refused"));
    assertTrue(
        dry.warnings().stream()
            .anyMatch(w -> w.contains("image refused") && w.contains("sneaky.svg")),
        dry.warnings().toString());
  }

  @Test
  void anUploadsImageThatIsNoAttachmentIsStoredBeforeThePosts() throws IOException {
    Path file = dir.resolve("inline.xml");
    Files.writeString(
        file,
        Files.readString(ImportFixtures.fixture(dir, "wxr-1.2.xml"))
            .replace(
                "uploads/2024/05/crane.png\" alt=\"A crane\"",
                "uploads/2024/06/pier.jpg\" alt=\"A crane\""));
    Path uploads = ImportFixtures.uploads(dir);
    Files.createDirectories(uploads.resolve("2024/06"));
    Files.write(
        uploads.resolve("2024/06/pier.jpg"),
        ImageFixtures.jpegWithEverything(ImageFixtures.halves(200, 100), 1));
    ImportReport report = run(file, Optional.of(uploads), false);
    assertEquals(3, report.count("images stored"), report.lines().toString());
    String pier =
        database.read(h ->
            h.createQuery(
                    "SELECT f.name FROM media m JOIN media_file f ON f.media_id = m.id"
                        + " WHERE m.width = 200 AND f.is_original = 1")
                .mapTo(String.class)
                .one());
    assertTrue(
        articles
            .findPublished(Language.EN, "block-story")
            .orElseThrow()
            .bodyHtml()
            .contains("<img src=\"/media/" + pier + "\" alt=\"A crane\" />"),
        pier);
    byte[] stored = Files.readAllBytes(media.resolve(pier));
    assertEquals(-1, indexOf(stored, ImageFixtures.GPS_LATITUDE));
  }

  @Test
  void aPixelBombIsRefusedAndReportedInARunAndInADryRun() throws IOException {
    Path file = ImportFixtures.fixture(dir, "wxr-1.2.xml");
    Path uploads = ImportFixtures.uploads(dir);
    Files.write(uploads.resolve("2024/05/crane.png"), ImageFixtures.pngBomb(100_000, 100_000));
    for (boolean dryRun : new boolean[] {true, false}) {
      ImportReport report = run(file, Optional.of(uploads), dryRun);
      assertEquals(1, report.count("images stored"), report.lines().toString());
      assertEquals(2, report.count("images refused"), report.lines().toString());
      assertTrue(
          report.warnings().stream()
              .anyMatch(w ->
                  w.startsWith("post 100")
                      && w.contains("image refused")
                      && w.contains("megapixels")
                      && w.contains("crane.png")),
          report.warnings().toString());
    }
    assertEquals(1, count("media"));
  }

  @Test
  void aFailureHalfwayChangesNoArticleAndARerunReusesTheStoredImages() throws IOException {
    LibrarySink real = new LibrarySink(library(), false);
    AttachmentSink failsOnSecond =
        new AttachmentSink() {
          int stored;

          @Override
          public String store(Path file, String originalName, Description description)
              throws IOException, Refused {
            if (++stored == 2) {
              throw new IOException("No space left on device");
            }
            return real.store(file, originalName, description);
          }
        };
    Path file = ImportFixtures.fixture(dir, "wxr-1.2.xml");
    Optional<Path> uploads = Optional.of(ImportFixtures.uploads(dir));
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> run(file, uploads, false, failsOnSecond));
    assertTrue(e.getCause().getMessage().contains("No space left"), e.toString());
    assertEquals(0, count("article"));
    assertEquals(0, count("section"));
    assertEquals(0, count("wordpress_post"));
    // What the failed run left: one metadata-free library item that no article uses.
    assertEquals(1, count("media"));

    ImportReport again = run(file, uploads, false);
    assertEquals(8, again.count("posts created"), again.lines().toString());
    assertEquals(2, count("media"));
    assertEquals(4, mediaFiles().size());
  }

  @Test
  void polylangTranslationsAreLinkedAndTheirCategoriesBecomeOneSection() {
    ImportReport report = run(ImportFixtures.fixture(dir, "polylang.xml"), Optional.empty(), false);
    assertEquals(3, report.count("posts created"), report.lines().toString());
    Article en = articles.findPublished(Language.EN, "bridge-closed").orElseThrow();
    Article ru = articles.findPublished(Language.RU, "most-zakryt").orElseThrow();
    assertEquals(en.translationGroup(), ru.translationGroup());
    assertEquals(
        List.of(new ArticleRepository.Translation(Language.RU, "most-zakryt", ru.publishedAt())),
        articles.translations(en));
    assertEquals("city", en.section().slug());
    assertEquals("City", en.section().name());
    assertEquals("city", ru.section().slug());
    assertEquals("Город", ru.section().name());
    Article alone = articles.findPublished(Language.RU, "tolko-po-russki").orElseThrow();
    assertTrue(articles.translations(alone).isEmpty());
    assertTrue(
        report.skipped().stream()
            .anyMatch(s -> s.startsWith("post 14") && s.contains("not one of our editions")),
        report.skipped().toString());
  }

  @Test
  void wpmlTranslationGroupsAreLinked() {
    ImportReport report = run(ImportFixtures.fixture(dir, "wpml.xml"), Optional.empty(), false);
    assertEquals(2, report.count("posts created"), report.lines().toString());
    Article en = articles.findPublished(Language.EN, "election-day").orElseThrow();
    Article ru = articles.findPublished(Language.RU, "den-vyborov").orElseThrow();
    assertTrue(
        en.translationGroup() != null && en.translationGroup().equals(ru.translationGroup()));
    assertEquals(1, articles.translations(ru).size());
  }
}
