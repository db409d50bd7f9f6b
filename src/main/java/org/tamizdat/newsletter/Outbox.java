package org.tamizdat.newsletter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tamizdat.db.Database;

/**
 * The digest outbox. Workers claim due rows by giving them a lease ({@code claimed_until}); a
 * worker that dies leaves its rows to be claimed again when the lease runs out, which is the only
 * way a subscriber can get a digest twice. PostgreSQL workers skip rows another worker has locked
 * ({@code FOR UPDATE SKIP LOCKED}); SQLite has one writer connection, so claims are serialized
 * there anyway and the same statement without the locking clause is enough.
 */
public final class Outbox {
  /** A claimed row with what sending it needs. */
  public record Claim(long digestId, Subscriber subscriber, int attempts) {}

  private final Database database;

  public Outbox(Database database) {
    this.database = database;
  }

  /**
   * Claims up to {@code limit} due rows until {@code leaseUntil}. Claimed rows whose subscriber is
   * no longer active are marked suppressed in the same transaction and not returned: suppression is
   * decided at send time, not when the digest was built. Rows come in the order of the due index
   * (earliest due first): ordering by anything else made each claim sort every queued row, and a
   * send of a hundred thousand rows spent its time in that sort.
   */
  public List<Claim> claim(int limit, long now, long leaseUntil) {
    String lock = database.engine() == Database.Engine.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
    SubscriberRepository subscribers = new SubscriberRepository();
    return database.write(h -> {
      List<long[]> rows =
          h.createQuery(
                  """
                  UPDATE digest_outbox SET claimed_until = :lease
                  WHERE (digest_id, subscriber_id) IN (
                    SELECT digest_id, subscriber_id FROM digest_outbox
                    WHERE state = 'queued' AND next_attempt_at <= :now AND claimed_until < :now
                    ORDER BY next_attempt_at LIMIT :limit\
                  """
                      + lock
                      + """
                      )
                      RETURNING digest_id, subscriber_id, attempts
                      """)
              .bind("lease", leaseUntil)
              .bind("now", now)
              .bind("limit", limit)
              .map((rs, ctx) ->
                  new long[] {
                    rs.getLong("digest_id"), rs.getLong("subscriber_id"), rs.getInt("attempts")
                  })
              .list();
      Map<Long, Subscriber> byId = new HashMap<>();
      subscribers
          .findAll(h, rows.stream().map(row -> row[1]).toList())
          .forEach(s -> byId.put(s.id(), s));
      List<Claim> claims = new ArrayList<>();
      Map<Long, List<Long>> suppressed = new HashMap<>();
      for (long[] row : rows) {
        Subscriber s = byId.get(row[1]);
        if (s != null && s.state() == SubscriberState.ACTIVE) {
          claims.add(new Claim(row[0], s, (int) row[2]));
        } else {
          suppressed.computeIfAbsent(row[0], d -> new ArrayList<>()).add(row[1]);
        }
      }
      suppressed.forEach((digest, ids) ->
          h.createUpdate(
                  """
                  UPDATE digest_outbox SET state = 'suppressed'
                  WHERE digest_id = :d AND subscriber_id IN (<ids>)
                  """)
              .bind("d", digest)
              .bindList("ids", ids)
              .execute());
      claims.sort(
          Comparator.comparingLong((Claim c) -> c.digestId())
              .thenComparingLong(c -> c.subscriber().id()));
      return claims;
    });
  }

  /**
   * Marks the accepted rows of a batch in one transaction. A crash before it resends the batch's
   * accepted messages (same Message-IDs): the in-flight window is one batch per worker, bought for
   * one write per batch instead of one per message.
   */
  public void markSent(List<Claim> accepted, long now) {
    if (accepted.isEmpty()) {
      return;
    }
    Map<Long, List<Long>> byDigest = new HashMap<>();
    accepted.forEach(c ->
        byDigest.computeIfAbsent(c.digestId(), d -> new ArrayList<>()).add(c.subscriber().id()));
    database.write(h -> {
      byDigest.forEach((digest, ids) ->
          h.createUpdate(
                  """
                  UPDATE digest_outbox SET state = 'sent', sent_at = :now, attempts = attempts + 1,
                    last_reply = NULL
                  WHERE digest_id = :d AND subscriber_id IN (<ids>)
                  """)
              .bind("now", now)
              .bind("d", digest)
              .bindList("ids", ids)
              .execute());
      return null;
    });
  }

  /** A 4xx: try again at {@code retryAt}; or, out of attempts, give up as failed. */
  public void markRetry(Claim c, SmtpReply reply, long retryAt, boolean giveUp) {
    database.write(h ->
        h.createUpdate(
                """
                UPDATE digest_outbox SET state = :state, attempts = attempts + 1,
                  next_attempt_at = :retry, claimed_until = 0, last_reply = :reply
                WHERE digest_id = :d AND subscriber_id = :s
                """)
            .bind("state", giveUp ? "failed" : "queued")
            .bind("retry", retryAt)
            .bind("reply", reply.code() + " " + reply.text())
            .bind("d", c.digestId())
            .bind("s", c.subscriber().id())
            .execute());
  }

  /** A 5xx: the row failed; the address counts a bounce and is suppressed at the limit. */
  public void markFailed(Claim c, SmtpReply reply, long now, int bounceLimit) {
    SubscriberRepository subscribers = new SubscriberRepository();
    database.write(h -> {
      h.createUpdate(
              """
              UPDATE digest_outbox SET state = 'failed', attempts = attempts + 1,
                last_reply = :reply
              WHERE digest_id = :d AND subscriber_id = :s
              """)
          .bind("reply", reply.code() + " " + reply.text())
          .bind("d", c.digestId())
          .bind("s", c.subscriber().id())
          .execute();
      if (subscribers.countBounce(h, c.subscriber().id(), now) >= bounceLimit) {
        Subscriber s = c.subscriber();
        subscribers.changeState(
            h, s.id(), SubscriberState.BOUNCED, "smtp-" + reply.code(), now, s.lang());
      }
      return null;
    });
  }

  /** Rows a send started now would try: queued and due, whoever holds them. */
  public int due(long now) {
    return database.read(h ->
        h.createQuery(
                "SELECT COUNT(*) FROM digest_outbox WHERE state = 'queued' AND next_attempt_at <= :now")
            .bind("now", now)
            .mapTo(Integer.class)
            .one());
  }

  /** Rows per state for one digest, for progress and tests. */
  public java.util.Map<String, Integer> counts(long digestId) {
    return database.read(h -> {
      java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
      h.createQuery(
              "SELECT state, COUNT(*) AS n FROM digest_outbox WHERE digest_id = :d GROUP BY state")
          .bind("d", digestId)
          .map((rs, ctx) -> counts.put(rs.getString("state"), rs.getInt("n")))
          .list();
      return counts;
    });
  }
}
