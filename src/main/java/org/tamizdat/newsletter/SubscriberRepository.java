package org.tamizdat.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.Language;
import org.tamizdat.web.SecretTokens;

/**
 * Subscribers, their consent record and confirmation tokens. Methods take the caller's {@link
 * Handle} so one decision (read state, change it, record why) happens in one transaction.
 */
public final class SubscriberRepository {
  private static final String COLUMNS =
      "id, email, lang, state, unsubscribe_token, bounce_count FROM subscriber";

  public Optional<Subscriber> findByKey(Handle h, String emailKey) {
    return h.createQuery("SELECT " + COLUMNS + " WHERE email_key = :key")
        .bind("key", emailKey)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public Optional<Subscriber> findByUnsubscribeToken(Handle h, String token) {
    return h.createQuery("SELECT " + COLUMNS + " WHERE unsubscribe_token = :token")
        .bind("token", token)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  public Optional<Subscriber> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  /** The subscribers with these ids (those that exist), in one query. */
  public List<Subscriber> findAll(Handle h, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return h.createQuery("SELECT " + COLUMNS + " WHERE id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** A new subscriber in state pending; returns its id. */
  public long insertPending(Handle h, EmailAddress email, Language lang, long now) {
    long id =
        h.createQuery(
                """
                INSERT INTO subscriber
                  (email, email_key, lang, state, unsubscribe_token, created_at, updated_at)
                VALUES (:email, :key, :lang, 'pending', :token, :now, :now) RETURNING id
                """)
            .bind("email", email.toString())
            .bind("key", email.key())
            .bind("lang", lang.code())
            .bind("token", SecretTokens.random())
            .bind("now", now)
            .mapTo(Long.class)
            .one();
    recordEvent(h, id, SubscriberState.PENDING, "subscribe-form", now);
    return id;
  }

  /** Changes the state and appends the change to the consent record. */
  public void changeState(
      Handle h, long id, SubscriberState state, String cause, long now, Language lang) {
    h.createUpdate(
            "UPDATE subscriber SET state = :state, lang = :lang, updated_at = :now WHERE id = :id")
        .bind("state", state.db())
        .bind("lang", lang.code())
        .bind("now", now)
        .bind("id", id)
        .execute();
    recordEvent(h, id, state, cause, now);
  }

  /** Counts a permanent delivery failure; returns the new count. */
  public int countBounce(Handle h, long id, long now) {
    return h.createQuery(
            """
            UPDATE subscriber SET bounce_count = bounce_count + 1, updated_at = :now
            WHERE id = :id RETURNING bounce_count
            """)
        .bind("now", now)
        .bind("id", id)
        .mapTo(Integer.class)
        .one();
  }

  private static void recordEvent(
      Handle h, long id, SubscriberState state, String cause, long now) {
    h.createUpdate(
            """
            INSERT INTO subscriber_event (subscriber_id, state, cause, at)
            VALUES (:id, :state, :cause, :at)
            """)
        .bind("id", id)
        .bind("state", state.db())
        .bind("cause", cause)
        .bind("at", now)
        .execute();
  }

  /** The consent record of one subscriber, oldest first: {@code state:cause@millis}. */
  public List<String> history(Handle h, long id) {
    return h.createQuery(
            "SELECT state, cause, at FROM subscriber_event WHERE subscriber_id = :id ORDER BY id")
        .bind("id", id)
        .map((rs, ctx) ->
            rs.getString("state") + ":" + rs.getString("cause") + "@" + rs.getLong("at"))
        .list();
  }

  private static Subscriber row(ResultSet rs) throws SQLException {
    return new Subscriber(
        rs.getLong("id"),
        rs.getString("email"),
        Language.fromCode(rs.getString("lang")).orElse(Language.EN),
        SubscriberState.fromDb(rs.getString("state")),
        rs.getString("unsubscribe_token"),
        rs.getInt("bounce_count"));
  }
}
