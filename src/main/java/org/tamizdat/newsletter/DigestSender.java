package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tamizdat.db.Database;

/**
 * Sends what the outbox holds, over one reused SMTP connection. A row is marked sent only after the
 * server accepted the message; a crash between the two leaves the row claimed until its lease ends,
 * and it is sent again, with the same Message-ID.
 */
public final class DigestSender {
  static final int BATCH = 50;

  /** Back-off after a 4xx reply, by attempt; after the last one the row fails. */
  static final List<Duration> RETRY_AFTER =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6));

  /** How a run ended: rows sent, rows waiting for a retry, rows that failed for good. */
  public record Result(int sent, int retrying, int failed) {}

  private final Database database;
  private final Outbox outbox;
  private final DigestRepository digests;
  private final DigestMessages messages;
  private final Supplier<SmtpSender> smtp;
  private final int bounceLimit;
  private final Duration lease;
  private final Clock clock;

  public DigestSender(
      Database database,
      Outbox outbox,
      DigestRepository digests,
      DigestMessages messages,
      Supplier<SmtpSender> smtp,
      int bounceLimit,
      Duration lease,
      Clock clock) {
    this.database = database;
    this.outbox = outbox;
    this.digests = digests;
    this.messages = messages;
    this.smtp = smtp;
    this.bounceLimit = bounceLimit;
    this.lease = lease;
    this.clock = clock;
  }

  /** Sends every due row; {@code progress} hears the running result after each batch. */
  public Result run(Consumer<Result> progress) {
    Map<Long, DigestContent> contents = new HashMap<>();
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    try (SmtpSender sender = smtp.get()) {
      while (true) {
        long now = clock.millis();
        List<Outbox.Claim> claims = outbox.claim(BATCH, now, now + lease.toMillis());
        if (claims.isEmpty()) {
          return new Result(sent, retrying, failed);
        }
        for (Outbox.Claim claim : claims) {
          DigestContent content =
              contents.computeIfAbsent(
                  claim.digestId(), id -> database.read(h -> digests.content(h, id)).orElseThrow());
          SmtpReply reply = send(sender, claim, content);
          long at = clock.millis();
          if (reply.accepted()) {
            outbox.markSent(claim, at);
            sent++;
          } else if (reply.permanent()) {
            outbox.markFailed(claim, reply, at, bounceLimit);
            failed++;
          } else {
            boolean giveUp = claim.attempts() >= RETRY_AFTER.size();
            Duration wait = RETRY_AFTER.get(Math.min(claim.attempts(), RETRY_AFTER.size() - 1));
            outbox.markRetry(claim, reply, at + wait.toMillis(), giveUp);
            if (giveUp) {
              failed++;
            } else {
              retrying++;
            }
          }
        }
        progress.accept(new Result(sent, retrying, failed));
      }
    }
  }

  private SmtpReply send(SmtpSender sender, Outbox.Claim claim, DigestContent content) {
    try {
      MimeMessage message =
          messages.build(
              sender.session(), claim.digestId(), content, claim.subscriber(), clock.millis());
      return sender.send(message, claim.subscriber().email());
    } catch (MessagingException e) {
      return new SmtpReply(554, "message could not be built: " + e.getMessage());
    }
  }
}
