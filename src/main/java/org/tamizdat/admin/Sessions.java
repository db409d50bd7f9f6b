package org.tamizdat.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.Database;
import org.tamizdat.web.SecretTokens;

/**
 * Server-side sessions in the database, so any node can serve any request. The cookie carries 256
 * random bits; the table keeps their SHA-256. A session ends after {@link #IDLE} without a request,
 * after {@link #ABSOLUTE} in any case, and a half-finished login (code or enrolment due) after
 * {@link #PENDING}.
 */
public final class Sessions {
  public static final Duration IDLE = Duration.ofMinutes(30);
  public static final Duration ABSOLUTE = Duration.ofHours(12);
  public static final Duration PENDING = Duration.ofMinutes(10);

  /** last_seen is written at most this often, so reading pages does not mean writing rows. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A live session with its account. */
  public record Live(String rawId, StaffSession session, Account account) {}

  private final Database database;
  private final AccountRepository accounts;
  private final Clock clock;

  public Sessions(Database database, AccountRepository accounts, Clock clock) {
    this.database = database;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Starts a session; returns the raw id for the cookie. Always a new id (no fixation). */
  public String create(Handle h, long accountId, StaffSession.Stage stage) {
    String id = SecretTokens.random();
    long now = clock.millis();
    h.createUpdate(
            """
            INSERT INTO staff_session (id_hash, account_id, stage, csrf_token, created_at, last_seen_at)
            VALUES (:hash, :account, :stage, :csrf, :now, :now)
            """)
        .bind("hash", SecretTokens.hash(id))
        .bind("account", accountId)
        .bind("stage", stage.dbValue())
        .bind("csrf", SecretTokens.random())
        .bind("now", now)
        .execute();
    return id;
  }

  /**
   * The live session for a cookie value, or empty when unknown, expired (then deleted) or its
   * account is disabled.
   */
  public Optional<Live> resolve(String rawId) {
    if (rawId == null || rawId.isEmpty() || rawId.length() > 100) {
      return Optional.empty();
    }
    String hash = SecretTokens.hash(rawId);
    long now = clock.millis();
    Optional<StaffSession> found =
        database.read(h ->
            h.createQuery("SELECT * FROM staff_session WHERE id_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) ->
                    new StaffSession(
                        rs.getString("id_hash"),
                        rs.getLong("account_id"),
                        StaffSession.Stage.fromDb(rs.getString("stage")),
                        rs.getString("csrf_token"),
                        rs.getString("pending_totp_secret"),
                        rs.getLong("created_at"),
                        rs.getLong("last_seen_at")))
                .findOne());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StaffSession session = found.get();
    Optional<Account> account = database.read(h -> accounts.byId(h, session.accountId()));
    if (expired(session, now) || account.isEmpty() || account.get().disabled()) {
      database.write(h -> delete(h, hash));
      return Optional.empty();
    }
    if (now - session.lastSeenAt() >= TOUCH_EVERY.toMillis()) {
      database.write(h ->
          h.createUpdate("UPDATE staff_session SET last_seen_at = :now WHERE id_hash = :hash")
              .bind("now", now)
              .bind("hash", hash)
              .execute());
    }
    return Optional.of(new Live(rawId, session, account.get()));
  }

  boolean expired(StaffSession session, long now) {
    if (session.stage() != StaffSession.Stage.OK) {
      return now - session.createdAt() >= PENDING.toMillis();
    }
    return now - session.lastSeenAt() >= IDLE.toMillis()
        || now - session.createdAt() >= ABSOLUTE.toMillis();
  }

  public void setPendingSecret(String rawId, String secret) {
    database.write(h ->
        h.createUpdate(
                "UPDATE staff_session SET pending_totp_secret = :secret WHERE id_hash = :hash")
            .bind("secret", secret)
            .bind("hash", SecretTokens.hash(rawId))
            .execute());
  }

  /** Ends one session (logout, or the half-login a full one replaces). */
  public void end(Handle h, String rawId) {
    delete(h, SecretTokens.hash(rawId));
  }

  /** Ends every session of an account: password change, disabling, role change. */
  public int endAll(Handle h, long accountId) {
    return h.createUpdate("DELETE FROM staff_session WHERE account_id = :id")
        .bind("id", accountId)
        .execute();
  }

  /** Removes sessions that can no longer be used; run now and then. */
  public int purgeExpired() {
    long now = clock.millis();
    return database.write(h ->
        h.createUpdate(
                """
                DELETE FROM staff_session
                WHERE (stage <> 'ok' AND created_at <= :pending)
                   OR last_seen_at <= :idle OR created_at <= :absolute
                """)
            .bind("pending", now - PENDING.toMillis())
            .bind("idle", now - IDLE.toMillis())
            .bind("absolute", now - ABSOLUTE.toMillis())
            .execute());
  }

  private static int delete(Handle h, String hash) {
    return h.createUpdate("DELETE FROM staff_session WHERE id_hash = :hash")
        .bind("hash", hash)
        .execute();
  }
}
