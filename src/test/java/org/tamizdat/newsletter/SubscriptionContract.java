package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;
import org.tamizdat.config.ConfigLoader;
import org.tamizdat.db.Database;
import org.tamizdat.site.Messages;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.testing.TestMailServer;

/**
 * Subscription storage and tokens on each engine, with real mail to a local SMTP server and a clock
 * the test moves.
 */
abstract class SubscriptionContract {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  TestDatabase testDatabase;
  Database database;
  TestMailServer mail;
  Subscriptions subscriptions;
  final SubscriberRepository subscribers = new SubscriberRepository();

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    testDatabase = newDatabase();
    database = Database.open(testDatabase.url());
    database.migrate();
    mail = new TestMailServer();
    Map<String, String> env = new java.util.HashMap<>();
    mail.settings().forEach((k, v) -> env.put("TAMIZDAT_" + k, v));
    var config = ConfigLoader.load(env, java.util.Optional.empty());
    NewsletterUrls urls = new NewsletterUrls(URI.create("https://lantern.example"));
    Messages messages = new Messages();
    ConfirmationMailer mailer =
        new SmtpConfirmationMailer(
            config.smtpUrl().orElseThrow(),
            MailIdentity.of(config.mail()),
            urls,
            messages::format,
            Map.of(Language.EN, "Lantern", Language.RU, "Фонарь"),
            MessageSigner.NONE,
            clock);
    subscriptions =
        new Subscriptions(
            database, subscribers, new ConfirmationTokens(), mailer, Runnable::run, clock);
  }

  @AfterEach
  void close() {
    if (mail != null) { // null when the database was skipped (no PostgreSQL)
      mail.close();
    }
    if (database != null) { // null when the database was skipped (no PostgreSQL)
      database.close();
    }
    if (testDatabase != null) { // null when the database was skipped (no PostgreSQL)
      testDatabase.close();
    }
  }

  EmailAddress address(String text) {
    return EmailAddress.parse(text).address().orElseThrow();
  }

  String lastToken() {
    MimeMessage[] all = mail.received();
    return TestMailServer.find(all[all.length - 1], "token=([A-Za-z0-9_-]{43})");
  }

  Subscriber subscriber(String email) {
    return database.read(h -> subscribers.findByKey(h, address(email).key())).orElseThrow();
  }

  @Test
  void tokenConfirmsOnceAndTheConsentRecordHasEveryChange() {
    subscriptions.request(address("a@example.org"), Language.RU);
    String token = lastToken();
    assertEquals(Subscriptions.Confirmation.CONFIRMED, subscriptions.confirm(token));
    assertEquals(Subscriptions.Confirmation.INVALID, subscriptions.confirm(token));
    Subscriber s = subscriber("a@example.org");
    assertEquals(SubscriberState.ACTIVE, s.state());
    clock.advance(Duration.ofMinutes(1));
    subscriptions.unsubscribe(s.unsubscribeToken(), "unsubscribe-link");
    subscriptions.unsubscribe(s.unsubscribeToken(), "unsubscribe-link");
    long created = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();
    assertEquals(
        List.of(
            "pending:subscribe-form@" + created,
            "active:confirmed@" + created,
            "unsubscribed:unsubscribe-link@" + (created + 60_000)),
        database.read(h -> subscribers.history(h, s.id())));
  }

  @Test
  void tokensExpireAfterSevenDays() {
    subscriptions.request(address("late@example.org"), Language.EN);
    String token = lastToken();
    clock.advance(ConfirmationTokens.LIFETIME.plusSeconds(1));
    assertEquals(Subscriptions.Confirmation.INVALID, subscriptions.confirm(token));
    assertEquals(SubscriberState.PENDING, subscriber("late@example.org").state());
  }

  @Test
  void aPendingAddressGetsNoMoreThanOneMailPerTenMinutesAndOlderTokensDieOnConfirmation() {
    subscriptions.request(address("busy@example.org"), Language.EN);
    subscriptions.request(address("busy@example.org"), Language.EN);
    assertEquals(1, mail.received().length);
    String first = lastToken();
    clock.advance(Subscriptions.RESEND_AFTER);
    subscriptions.request(address("Busy@Example.org"), Language.EN);
    assertEquals(2, mail.received().length);
    assertEquals(Subscriptions.Confirmation.CONFIRMED, subscriptions.confirm(lastToken()));
    assertEquals(Subscriptions.Confirmation.INVALID, subscriptions.confirm(first));
  }

  @Test
  void resubscribingAfterUnsubscribingNeedsANewConfirmation() {
    subscriptions.request(address("back@example.org"), Language.EN);
    subscriptions.confirm(lastToken());
    subscriptions.unsubscribe(subscriber("back@example.org").unsubscribeToken(), "test");
    subscriptions.request(address("back@example.org"), Language.RU);
    Subscriber again = subscriber("back@example.org");
    assertEquals(SubscriberState.PENDING, again.state());
    assertEquals(Language.RU, again.lang());
    assertEquals(2, mail.received().length);
    assertEquals(Subscriptions.Confirmation.CONFIRMED, subscriptions.confirm(lastToken()));
  }
}
