package org.tamizdat.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.tamizdat.db.Database;
import org.tamizdat.web.SecretTokens;

/**
 * Slows password guessing. Per typed address (stored as a hash, in the database so every node
 * counts together, and whether or not an account exists, so a lock-out reveals nothing): {@link
 * #ACCOUNT_FAILURES} failures within {@link #WINDOW} lock that address for {@link #LOCK}. Per
 * client (the rotating keyed hash of its address, in memory only, never stored): {@link
 * #CLIENT_FAILURES} failures within the window lock the client out likewise.
 */
public final class LoginThrottle {
  public static final int ACCOUNT_FAILURES = 5;
  public static final int CLIENT_FAILURES = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK = Duration.ofMinutes(15);

  private record Count(int failures, long windowStart, long lockedUntil) {}

  private final Database database;
  private final Clock clock;
  private final ConcurrentHashMap<String, Count> clients = new ConcurrentHashMap<>();

  public LoginThrottle(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** True when either the address or the client is locked out now. */
  public boolean locked(String email, String clientKey) {
    long now = clock.millis();
    Count client = clients.get(clientKey);
    if (client != null && client.lockedUntil > now) {
      return true;
    }
    long until =
        database.read(h ->
            h.createQuery("SELECT locked_until FROM staff_login_throttle WHERE key_hash = :key")
                .bind("key", addressKey(email))
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    return until > now;
  }

  public void failed(String email, String clientKey) {
    long now = clock.millis();
    clients.compute(clientKey, (k, c) -> next(c, now, CLIENT_FAILURES));
    String key = addressKey(email);
    database.write(h -> {
      Count stored =
          h.createQuery(
                  "SELECT failures, window_start, locked_until FROM staff_login_throttle"
                      + " WHERE key_hash = :key")
              .bind("key", key)
              .map((rs, ctx) ->
                  new Count(
                      rs.getInt("failures"),
                      rs.getLong("window_start"),
                      rs.getLong("locked_until")))
              .findOne()
              .orElse(null);
      Count updated = next(stored, now, ACCOUNT_FAILURES);
      String sql =
          stored == null
              ? "INSERT INTO staff_login_throttle (key_hash, failures, window_start, locked_until)"
                  + " VALUES (:key, :failures, :start, :until)"
              : "UPDATE staff_login_throttle SET failures = :failures, window_start = :start,"
                  + " locked_until = :until WHERE key_hash = :key";
      return h.createUpdate(sql)
          .bind("key", key)
          .bind("failures", updated.failures)
          .bind("start", updated.windowStart)
          .bind("until", updated.lockedUntil)
          .execute();
    });
    clients.values().removeIf(c -> c.lockedUntil <= now && now - c.windowStart > WINDOW.toMillis());
  }

  /** A successful login clears the address's count (not the client's: it may be guessing many). */
  public void succeeded(String email) {
    database.write(h ->
        h.createUpdate("DELETE FROM staff_login_throttle WHERE key_hash = :key")
            .bind("key", addressKey(email))
            .execute());
  }

  private static Count next(Count c, long now, int limit) {
    if (c == null || now - c.windowStart > WINDOW.toMillis()) {
      c = new Count(0, now, c == null ? 0 : c.lockedUntil);
    }
    int failures = c.failures + 1;
    long lockedUntil = failures >= limit ? now + LOCK.toMillis() : c.lockedUntil;
    return new Count(
        failures >= limit ? 0 : failures, failures >= limit ? now : c.windowStart, lockedUntil);
  }

  private static String addressKey(String email) {
    return SecretTokens.hash("login:" + AccountRepository.key(email));
  }
}
