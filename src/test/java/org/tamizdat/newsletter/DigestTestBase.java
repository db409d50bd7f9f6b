package org.tamizdat.newsletter;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.config.MailSettings;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.site.Messages;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** A migrated database with an author, subscribers on demand, and the digest parts wired. */
abstract class DigestTestBase {
  static final ZoneId ZONE = ZoneId.of("Europe/Riga");
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday
  final MutableClock clock = new MutableClock(NOW);
  final SubscriberRepository subscribers = new SubscriberRepository();
  final MailIdentity identity =
      MailIdentity.of(
          new MailSettings(
              Optional.of("Lantern <digest@lantern.example>"),
              Optional.of("desk@lantern.example"),
              Optional.of("bounces@lantern.example"),
              2,
              20));
  final NewsletterUrls urls = new NewsletterUrls(URI.create("https://lantern.example"));
  TestDatabase testDatabase;
  Database database;
  ArticleWriter writer;
  Digests digests;
  Outbox outbox;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    testDatabase = newDatabase();
    database = Database.open(testDatabase.url());
    database.migrate();
    ChangeLog log = new ChangeLog(clock);
    CatalogRepository catalog = new CatalogRepository(database, log);
    catalog.saveAuthor("ada", Map.of(Language.EN, "Ada Fenn", Language.RU, "Ада Фенн"), Map.of());
    writer = new ArticleWriter(database, log, new BodyRenderer(), clock);
    ArticleRepository articles = new ArticleRepository(database, clock);
    DigestArticles week =
        DigestArticles.of(
            articles::publishedBetween,
            a -> "https://lantern.example/" + a.lang().code() + "/" + a.slug());
    DigestBuilder builder =
        new DigestBuilder(
            week,
            new Messages()::format,
            Map.of(Language.EN, "Lantern", Language.RU, "Фонарь"),
            ZONE);
    digests =
        new Digests(
            database,
            builder,
            new DigestRepository(),
            new DigestMessages(identity, urls),
            ZONE,
            clock);
    outbox = new Outbox(database);
  }

  @AfterEach
  void close() {
    if (database != null) { // null when the database was skipped (no PostgreSQL)
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.close();
    }
  }

  void publish(Language lang, String slug, String title, Instant at) {
    writer.save(
        new ArticleInput(
            lang,
            slug,
            null,
            "",
            title,
            "Dek of " + slug,
            "Body.",
            null,
            List.of("ada"),
            List.of(),
            Status.PUBLISHED,
            at,
            null,
            null,
            null));
  }

  Subscriber active(String email, Language lang) {
    return database.write(h -> {
      long id =
          subscribers.insertPending(
              h, EmailAddress.parse(email).address().orElseThrow(), lang, clock.millis());
      subscribers.changeState(h, id, SubscriberState.ACTIVE, "confirmed", clock.millis(), lang);
      return subscribers.find(h, id).orElseThrow();
    });
  }

  DigestSender sender(int port) {
    return sender(port, new DigestMessages(identity, urls));
  }

  DigestSender sender(int port, DigestMessages messages) {
    return new DigestSender(
        database,
        outbox,
        new DigestRepository(),
        messages,
        () -> new SmtpSender(URI.create("smtp://127.0.0.1:" + port), identity.returnPath()),
        2,
        Duration.ofMinutes(5),
        1,
        0,
        clock);
  }
}
