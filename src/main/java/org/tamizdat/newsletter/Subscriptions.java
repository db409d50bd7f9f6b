package org.tamizdat.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.Language;
import org.tamizdat.db.Database;
import org.tamizdat.web.SecretTokens;

/**
 * Subscribing (double opt-in), confirming and unsubscribing. Every answer to a subscription request
 * is the same whatever the address's state, and the confirmation mail goes out on another thread,
 * so neither the page nor its timing tells whether an address is subscribed.
 */
public final class Subscriptions {
  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  /** A pending address gets at most one confirmation mail per this period (no mail bombing). */
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);

  /** What a confirmation link did. */
  public enum Confirmation {
    CONFIRMED,
    INVALID
  }

  private record Pending(Subscriber subscriber, String token) {}

  private final Database database;
  private final SubscriberRepository subscribers;
  private final ConfirmationTokens tokens;
  private final ConfirmationMailer mailer;
  private final Executor mailQueue;
  private final Clock clock;

  public Subscriptions(
      Database database,
      SubscriberRepository subscribers,
      ConfirmationTokens tokens,
      ConfirmationMailer mailer,
      Executor mailQueue,
      Clock clock) {
    this.database = database;
    this.subscribers = subscribers;
    this.tokens = tokens;
    this.mailer = mailer;
    this.mailQueue = mailQueue;
    this.clock = clock;
  }

  /** Records the request and, when the address may be (re)subscribed, mails a confirmation. */
  public void request(EmailAddress email, Language lang) {
    Optional<Pending> pending =
        database.write(h -> {
          long now = clock.millis();
          Optional<Subscriber> existing = subscribers.findByKey(h, email.key());
          if (existing.isEmpty()) {
            long id = subscribers.insertPending(h, email, lang, now);
            return Optional.of(
                new Pending(subscribers.find(h, id).orElseThrow(), tokens.create(h, id, now)));
          }
          Subscriber s = existing.get();
          boolean resend =
              switch (s.state()) {
                // Active: nothing to confirm. Complained: the mailbox owner told their provider
                // we
                // are spam; only they can undo that, not a form anyone can fill in.
                case ACTIVE, COMPLAINED -> false;
                case PENDING ->
                    tokens.newestCreatedAt(h, s.id()).orElse(0L) <= now - RESEND_AFTER.toMillis();
                case UNSUBSCRIBED, BOUNCED -> {
                  subscribers.changeState(
                      h, s.id(), SubscriberState.PENDING, "subscribe-form", now, lang);
                  yield true;
                }
              };
          return resend
              ? Optional.of(
                  new Pending(
                      subscribers.find(h, s.id()).orElseThrow(), tokens.create(h, s.id(), now)))
              : Optional.<Pending>empty();
        });
    pending.ifPresent(p -> mailQueue.execute(() -> mail(p)));
  }

  private void mail(Pending pending) {
    try {
      mailer.send(pending.subscriber(), pending.token());
    } catch (RuntimeException e) {
      // Never the address: logs must not become a subscriber list.
      log.warn(
          "confirmation mail to subscriber {} failed: {}",
          pending.subscriber().id(),
          e.getMessage());
    }
  }

  /** Uses a confirmation token once; an unknown, used or expired token confirms nothing. */
  public Confirmation confirm(String token) {
    if (!SecretTokens.looksValid(token)) {
      return Confirmation.INVALID;
    }
    return database.write(h -> {
      long now = clock.millis();
      Optional<Subscriber> subscriber =
          tokens.use(h, token, now).flatMap(id -> subscribers.find(h, id));
      if (subscriber.isEmpty()) {
        return Confirmation.INVALID;
      }
      Subscriber s = subscriber.get();
      if (s.state() == SubscriberState.ACTIVE) {
        return Confirmation.CONFIRMED;
      }
      if (s.state() != SubscriberState.PENDING) {
        return Confirmation.INVALID;
      }
      subscribers.changeState(h, s.id(), SubscriberState.ACTIVE, "confirmed", now, s.lang());
      tokens.revokeAll(h, s.id(), now);
      return Confirmation.CONFIRMED;
    });
  }

  /** The subscriber an unsubscribe link belongs to. */
  public Optional<Subscriber> byUnsubscribeToken(String token) {
    if (!SecretTokens.looksValid(token)) {
      return Optional.empty();
    }
    return database.read(h -> subscribers.findByUnsubscribeToken(h, token));
  }

  /** Unsubscribes at once; idempotent. Empty when the token belongs to nobody. */
  public Optional<Subscriber> unsubscribe(String token, String cause) {
    if (!SecretTokens.looksValid(token)) {
      return Optional.empty();
    }
    return database.write(h -> {
      long now = clock.millis();
      Optional<Subscriber> found = subscribers.findByUnsubscribeToken(h, token);
      found
          .filter(s -> s.state() == SubscriberState.ACTIVE || s.state() == SubscriberState.PENDING)
          .ifPresent(s -> {
            subscribers.changeState(h, s.id(), SubscriberState.UNSUBSCRIBED, cause, now, s.lang());
            tokens.revokeAll(h, s.id(), now);
          });
      return found;
    });
  }
}
