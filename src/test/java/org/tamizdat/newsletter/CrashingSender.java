package org.tamizdat.newsletter;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tamizdat.config.MailSettings;
import org.tamizdat.db.Database;

/**
 * The sender as its own process, for the crash test: sends the outbox of {@code args[0]} (a JDBC
 * URL) to the SMTP server on loopback port {@code args[1]}, with claims that lapse after {@code
 * args[2]} milliseconds, until no row is left queued (waiting out a killed predecessor's claims).
 */
public final class CrashingSender {
  static final MailIdentity IDENTITY =
      MailIdentity.of(
          new MailSettings(
              Optional.of("Lantern <digest@lantern.example>"),
              Optional.empty(),
              Optional.of("bounces@lantern.example"),
              3,
              20));

  public static void main(String[] args) throws InterruptedException {
    try (Database database = Database.open(args[0])) {
      Outbox outbox = new Outbox(database);
      DigestSender sender =
          new DigestSender(
              database,
              outbox,
              new DigestRepository(),
              new DigestMessages(
                  IDENTITY, new NewsletterUrls(URI.create("https://lantern.example"))),
              () ->
                  new SmtpSender(URI.create("smtp://127.0.0.1:" + args[1]), IDENTITY.returnPath()),
              3,
              Duration.ofMillis(Long.parseLong(args[2])),
              1,
              0,
              Clock.systemUTC());
      while (true) {
        sender.run(result -> {});
        if (database.read(h -> queued(h)) == 0) {
          return;
        }
        Thread.sleep(200);
      }
    }
  }

  private static int queued(org.jdbi.v3.core.Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM digest_outbox WHERE state = 'queued'")
        .mapTo(Integer.class)
        .one();
  }
}
