package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
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
    migrated.close();
  }

  ImportReport run(Path file, Optional<Path> uploads, boolean dryRun) {
    return run(file, uploads, dryRun, new MediaDirectorySink(media, dryRun));
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
    assertEquals("wp-20-harbour.jpg", fleet.leadImage());

    String body = fleet.bodyHtml();
    assertTrue(
        body.contains("<p>The fleet came back on Friday after “three weeks” at sea.<br />"), body);
    assertTrue(
        body.contains(
            "<figure><img src=\"/media/wp-20-harbour.jpg\" alt=\"Fishing boats in the harbour\" />"
                + "<figcaption>Boats at first light</figcaption></figure>"),
        body);
    assertTrue(
        body.contains(
            "<figure class=\"gallery\"><img src=\"/media/wp-20-harbour.jpg\""
                + " alt=\"Fishing boats in the harbour\" /><img src=\"/media/wp-21-crane.png\" alt=\"\" />"
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
            "<figure><img src=\"/media/wp-21-crane.png\" alt=\"A crane\" /><figcaption>The new crane</figcaption></figure>"),
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

    assertEquals(List.of("wp-20-harbour.jpg", "wp-21-crane.png"), mediaFiles());
    assertEquals(2, report.count("images copied"));
    assertEquals(1, report.count("images refused"));
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
    assertEquals(List.of("wp-20-harbour.jpg", "wp-21-crane.png"), mediaFiles());
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
    assertEquals(List.of(), mediaFiles());
  }

  @Test
  void aFailureHalfwayChangesNothing() throws IOException {
    MediaDirectorySink real = new MediaDirectorySink(media, false);
    AttachmentSink failsOnSecond =
        new AttachmentSink() {
          int stored;

          @Override
          public StoredAttachment store(Path file, String originalName)
              throws IOException, Refused {
            if (++stored == 2) {
              throw new IOException("No space left on device");
            }
            return real.store(file, originalName);
          }

          @Override
          public void commit() throws IOException {
            real.commit();
          }

          @Override
          public void discard() {
            real.discard();
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
    assertEquals(List.of(), mediaFiles());
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
