package org.tamizdat.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublicationRefused;
import org.tamizdat.article.Status;
import org.tamizdat.article.TextFinding;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.export.ExportProgress;
import org.tamizdat.export.ExportTarget;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/**
 * Protected sources end to end on one engine: encrypted at rest, refused at publishing, and kept
 * out of every public output even when a row is forced past the writer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourcesContract {
  static final String REAL_NAME = "Сергей Иванов";
  static final String PHONE = "+7 (916) 123-45-67";
  static final List<String> SECRETS = List.of("Иванов", "Ivanov", "IVANOV", "123-45-67", "1234567");

  Path dir;
  TestApp site;
  SourceRepository sources;
  long sergei;
  final PrintStream originalErr = System.err;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  abstract TestDatabase newDatabase();

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("tamizdat-sources");
    KeyFile.generate(dir.resolve("sources.key"), new SecureRandom());
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    site = TestApp.start(dir, newDatabase(), Map.of());
    sources = site.app().sources();
    sergei =
        sources.create(
            "Sergei, name changed",
            new SourceSecrets(REAL_NAME, PHONE + "\n@lathe_master", "Met at the gate."),
            42);
  }

  @AfterAll
  void stop() {
    System.setErr(originalErr);
    if (site != null) {
      site.close();
    }
  }

  Database database() {
    return site.app().database();
  }

  static ArticleInput article(String slug, String title, String body, Status status, Instant at) {
    return new ArticleInput(
        Language.EN,
        slug,
        null,
        "Labour",
        title,
        "Workers at the lathe plant have not been paid since August.",
        body,
        "culture",
        List.of("gleb-sarmatov"),
        List.of("strikes"),
        status,
        at,
        null,
        null,
        null);
  }

  static Instant hourAgo() {
    return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void secretsAreStoredEncryptedAndRevealedIntact() {
    Map<String, Object> row =
        database()
            .read(h ->
                h.createQuery("SELECT * FROM source WHERE id = :id")
                    .bind("id", sergei)
                    .mapToMap()
                    .one());
    String all = row.toString();
    assertFalse(all.contains("Иванов") || all.contains("123-45-67") || all.contains("gate"), all);
    assertEquals("Sergei, name changed", row.get("pseudonym"));
    assertTrue(row.get("real_name").toString().startsWith("v1:"), all);
    SourceSecrets revealed = sources.reveal(sergei);
    assertEquals(REAL_NAME, revealed.realName());
    assertEquals(PHONE + "\n@lathe_master", revealed.contacts());
    assertEquals("Met at the gate.", revealed.notes());
    assertFalse(revealed.toString().contains("Иванов"));
    assertEquals(42, sources.find(sergei).orElseThrow().ownerId());
    assertTrue(sources.list().stream().anyMatch(s -> s.id() == sergei));

    long other = sources.create("a nurse", new SourceSecrets("Анна Петрова", "", ""), 42);
    sources.update(other, "a nurse, name changed", new SourceSecrets("Анна Сидорова", "x", "y"));
    assertEquals("Анна Сидорова", sources.reveal(other).realName());
    assertEquals("a nurse, name changed", sources.find(other).orElseThrow().pseudonym());
    assertThrows(IllegalArgumentException.class, () -> sources.create(" ", null, 42));
  }

  @Test
  void anotherKeyCannotReadThemAndSaysWhy() throws IOException {
    Path otherFile = dir.resolve("other.key");
    KeyFile.generate(otherFile, new SecureRandom());
    SourceRepository withOtherKey =
        new SourceRepository(
            database(),
            SourceKeys.at(otherFile),
            new ChangeLog(Clock.systemUTC()),
            site.app().sourceGuard(),
            new SecureRandom(),
            Clock.systemUTC());
    SourcesUnreadable e = assertThrows(SourcesUnreadable.class, () -> withOtherKey.reveal(sergei));
    assertTrue(e.getMessage().contains("does not hold (wrong key file?)"), e.getMessage());
  }

  @Test
  void tamperedRowIsRefusedNotMisread() {
    long victim = sources.create("victim", new SourceSecrets("Олег Кротов", "", ""), 1);
    long donor = sources.create("donor", new SourceSecrets("Вера Сомова", "", ""), 1);
    // Copying one source's sealed name into another row must not reveal it there.
    database()
        .write(h ->
            h.createUpdate(
                    "UPDATE source SET real_name = (SELECT real_name FROM source WHERE id = :d)"
                        + " WHERE id = :v")
                .bind("d", donor)
                .bind("v", victim)
                .execute());
    SourcesUnreadable e = assertThrows(SourcesUnreadable.class, () -> sources.reveal(victim));
    assertTrue(e.getMessage().contains("wrong key or tampered data"), e.getMessage());
  }

  @Test
  void publishingOrSchedulingTextThatNamesALinkedSourceIsRefusedAndNothingSaved() {
    var writer = site.app().articleWriter();
    String leaky = "«We have not been paid», says Sergei Ivanov, a lathe operator.";
    long id =
        writer.save(article("lathe-plant-wages", "Lathe plant wages", leaky, Status.DRAFT, null));
    sources.link(id, sergei);

    PublicationRefused refused =
        assertThrows(
            PublicationRefused.class,
            () ->
                writer.save(
                    article(
                        "lathe-plant-wages",
                        "Lathe plant wages",
                        leaky,
                        Status.PUBLISHED,
                        hourAgo())));
    assertFalse(refused.getMessage().contains("Ivanov"), refused.getMessage());
    assertTrue(refused.getMessage().contains("body"), refused.getMessage());
    TextFinding finding = refused.findings().get(0);
    assertEquals("body", finding.field());
    assertEquals(leaky.indexOf("Ivanov"), finding.position());
    assertTrue(finding.snippet().contains("says Sergei Ivanov, a lathe"), finding.snippet());
    assertEquals("draft", status(id), "the refused save left the draft as it was");

    Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
    assertThrows(
        PublicationRefused.class,
        () ->
            writer.save(
                article(
                    "lathe-plant-wages", "Lathe plant wages", leaky, Status.PUBLISHED, tomorrow)));
    assertEquals("draft", status(id));

    // A phone number in the caption or a handle in the tags is caught too.
    ArticleInput captioned =
        new ArticleInput(
            Language.EN,
            "lathe-plant-wages",
            null,
            "",
            "Lathe plant wages",
            "",
            "Clean body.",
            "culture",
            List.of(),
            List.of("lathe_master"),
            Status.PUBLISHED,
            hourAgo(),
            null,
            null,
            "Call 8 916 123 45 67");
    List<String> fields =
        assertThrows(PublicationRefused.class, () -> writer.save(captioned)).findings().stream()
            .map(TextFinding::field)
            .distinct()
            .toList();
    assertEquals(List.of("lead_caption", "tags"), fields);

    String clean = "«We have not been paid», says Sergei (name changed), a lathe operator.";
    writer.save(
        article("lathe-plant-wages", "Lathe plant wages", clean, Status.PUBLISHED, hourAgo()));
    assertEquals("published", status(id));
  }

  @Test
  void linkingASourceToAPublishedArticleThatNamesItIsRefused() {
    var writer = site.app().articleWriter();
    long id =
        writer.save(
            article(
                "ivanov-speaks", "A worker speaks", "Ivanov speaks.", Status.PUBLISHED, hourAgo()));
    assertThrows(PublicationRefused.class, () -> sources.link(id, sergei));
    assertEquals(List.of(), sources.linkedTo(id));
    // Unlinked text is the newsroom's own business; taken down so other tests' pages stay clean.
    writer.save(article("ivanov-speaks", "A worker speaks", "Ivanov speaks.", Status.DRAFT, null));
    site.app().changed();
  }

  @Test
  void forcedPastTheWriterItNeverReachesFeedsSearchSitemapsOrExport() throws IOException {
    var writer = site.app().articleWriter();
    long id =
        writer.save(
            article(
                "night-shift",
                "The night shift",
                "Sergei (name changed) works the wombat night shift.",
                Status.PUBLISHED,
                hourAgo()));
    sources.link(id, sergei);
    site.app().changed();
    site.app().search().syncNow();
    assertTrue(site.get("/en/feed.atom").body().contains("night-shift"), "published before");
    assertTrue(site.get("/en/search?q=wombat").body().contains("night-shift"));

    // Someone edits the row directly: the name goes into title, body and slug.
    database()
        .write(h -> {
          h.createUpdate(
                  """
                  UPDATE article SET title = 'Sergei Ivanov on the night shift',
                    slug = 'night-shift-ivanov',
                    body_md = 'Сергей Иванов (+7 916 123-45-67) works the wombat night shift.',
                    body_html = '<p>Сергей Иванов (+7 916 123-45-67) works the wombat night shift.</p>'
                  WHERE id = :id
                  """)
              .bind("id", id)
              .execute();
          new ChangeLog(Clock.systemUTC()).append(h, "article", id);
          return null;
        });
    site.app().changed();
    site.app().search().syncNow();

    for (String path :
        List.of(
            "/en/",
            "/en/section/culture",
            "/en/tag/strikes",
            "/en/author/gleb-sarmatov",
            "/en/feed.atom",
            "/en/feed.rss",
            "/en/feed.json",
            "/en/section/culture/feed.atom",
            "/sitemaps/news.xml",
            "/en/search?q=wombat")) {
      String body = site.get(path).body();
      assertNoSecret(path, body);
      assertFalse(body.contains("night-shift"), path + " still lists the article");
    }
    // A search page repeats the reader's query, so only its results are checked.
    for (String q : List.of("Ivanov", "Иванов", "wombat")) {
      String body =
          site.get("/en/search?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
      assertFalse(body.contains("night-shift"), "search for " + q + " finds the article");
    }
    Instant published = hourAgo();
    assertEquals(
        404,
        site.get(
                "/en/"
                    + java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                        .withZone(site.app().config().timeZone())
                        .format(published)
                    + "/night-shift-ivanov")
            .statusCode());

    Path out = dir.resolve("export");
    site.app()
        .export(
            out,
            ExportTarget.of(site.app().config(), Optional.empty(), false),
            true,
            ExportProgress.NONE);
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(file.toString().contains("night-shift"), file.toString());
        if (!file.toString().matches(".*\\.(png|jpg|webp)$")) {
          assertNoSecret(file.toString(), Files.readString(file));
        }
      }
    }

    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(
        logged.contains("article " + id + " withheld from public output: its text names"), logged);
    assertNoSecret("the log", logged);
  }

  static void assertNoSecret(String where, String text) {
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), where + " contains " + secret);
    }
  }

  String status(long id) {
    return database()
        .read(h ->
            h.createQuery("SELECT status FROM article WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
  }
}
