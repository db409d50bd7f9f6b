package org.tamizdat.newsletter;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.web.SecretTokens;

/**
 * Double opt-in tokens. The raw token exists only in the e-mail; the table keeps its SHA-256, so a
 * copy of the database cannot confirm anyone.
 */
public final class ConfirmationTokens {
  public static final Duration LIFETIME = Duration.ofDays(7);

  /** Creates a token for the subscriber; returns the raw token for the e-mail. */
  public String create(Handle h, long subscriberId, long now) {
    String token = SecretTokens.random();
    h.createUpdate(
            """
            INSERT INTO confirmation_token (token_hash, subscriber_id, created_at, expires_at)
            VALUES (:hash, :id, :now, :expires)
            """)
        .bind("hash", SecretTokens.hash(token))
        .bind("id", subscriberId)
        .bind("now", now)
        .bind("expires", now + LIFETIME.toMillis())
        .execute();
    return token;
  }

  /** When the newest token of the subscriber was made, to throttle repeated mails. */
  public Optional<Long> newestCreatedAt(Handle h, long subscriberId) {
    return h.createQuery("SELECT MAX(created_at) FROM confirmation_token WHERE subscriber_id = :id")
        .bind("id", subscriberId)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Uses the token: returns its subscriber if the token exists, is unused and unexpired, and marks
   * it used in the same statement, so two concurrent confirmations cannot both succeed.
   */
  public Optional<Long> use(Handle h, String token, long now) {
    return h.createQuery(
            """
            UPDATE confirmation_token SET used_at = :now
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            RETURNING subscriber_id
            """)
        .bind("hash", SecretTokens.hash(token))
        .bind("now", now)
        .mapTo(Long.class)
        .findOne();
  }

  /** Makes every outstanding token of the subscriber unusable (after a change of state). */
  public void revokeAll(Handle h, long subscriberId, long now) {
    h.createUpdate(
            """
            UPDATE confirmation_token SET used_at = :now
            WHERE subscriber_id = :id AND used_at IS NULL
            """)
        .bind("id", subscriberId)
        .bind("now", now)
        .execute();
  }
}
