package org.tamizdat.newsletter;

import java.time.Clock;
import java.util.Optional;
import org.tamizdat.db.Database;

/**
 * Applies delivery reports to subscribers: a permanent failure counts a bounce and suppresses the
 * address at the limit (as a 5xx at send time does); a complaint suppresses it at once; a delay
 * changes nothing. Logs name subscriber ids, never addresses.
 */
public final class Bounces {
  private final Database database;
  private final SubscriberRepository subscribers;
  private final int bounceLimit;
  private final Clock clock;

  public Bounces(
      Database database, SubscriberRepository subscribers, int bounceLimit, Clock clock) {
    this.database = database;
    this.subscribers = subscribers;
    this.bounceLimit = bounceLimit;
    this.clock = clock;
  }

  /** Returns the subscriber the report was about, when we know them. */
  public Optional<Long> apply(DeliveryReport report) {
    return database.write(h -> {
      Optional<Subscriber> found =
          report
              .messageId()
              .flatMap(DigestMessages::subscriberOf)
              .flatMap(id -> subscribers.find(h, id))
              .or(() ->
                  report
                      .recipient()
                      .flatMap(r -> EmailAddress.parse(r).address())
                      .flatMap(a -> subscribers.findByKey(h, a.key())));
      if (found.isEmpty() || report.kind() == DeliveryReport.Kind.TEMPORARY) {
        return found.map(Subscriber::id);
      }
      Subscriber s = found.get();
      long now = clock.millis();
      String cause = "dsn-" + report.status();
      if (report.kind() == DeliveryReport.Kind.COMPLAINT) {
        subscribers.changeState(
            h, s.id(), SubscriberState.COMPLAINED, report.status(), now, s.lang());
      } else if (subscribers.countBounce(h, s.id(), now) >= bounceLimit
          && s.state() == SubscriberState.ACTIVE) {
        subscribers.changeState(h, s.id(), SubscriberState.BOUNCED, cause, now, s.lang());
      }
      return Optional.of(s.id());
    });
  }
}
