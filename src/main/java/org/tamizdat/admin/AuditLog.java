package org.tamizdat.admin;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.Database;

/**
 * The audit log: who did what, when, to which object. Write it in the transaction of the change it
 * records ({@link #record(Handle, Staff, String, String, Object, String)}), so a change is never
 * without its record.
 */
public final class AuditLog {
  /** One row, newest first in listings. */
  public record Entry(
      long id,
      long at,
      Long accountId,
      String actorEmail,
      String action,
      String objectType,
      String objectId,
      String detail) {}

  private final Database database;
  private final Clock clock;

  public AuditLog(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records in its own transaction. */
  public void record(Staff who, String action, String objectType, Object objectId, String detail) {
    database.write(h -> {
      record(h, who, action, objectType, objectId, detail);
      return null;
    });
  }

  /** Records in the caller's transaction. {@code who} may be null (an unknown visitor). */
  public void record(
      Handle h, Staff who, String action, String objectType, Object objectId, String detail) {
    h.createUpdate(
            """
            INSERT INTO audit_log (at, account_id, actor_email, action, object_type, object_id, detail)
            VALUES (:at, :account, :email, :action, :type, :object, :detail)
            """)
        .bind("at", clock.millis())
        .bind("account", who == null ? null : (Long) who.id())
        .bind("email", who == null ? null : who.email())
        .bind("action", clip(action, 60))
        .bind("type", clip(objectType, 40))
        .bind("object", objectId == null ? null : clip(objectId.toString(), 100))
        .bind("detail", clip(detail, 1000))
        .execute();
  }

  /** A page of entries, newest first. */
  public List<Entry> page(int offset, int limit) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT id, at, account_id, actor_email, action, object_type, object_id, detail
                FROM audit_log ORDER BY id DESC LIMIT :limit OFFSET :offset
                """)
            .bind("limit", limit)
            .bind("offset", offset)
            .map((rs, ctx) -> {
              long account = rs.getLong("account_id");
              Long accountId = rs.wasNull() ? null : account;
              return new Entry(
                  rs.getLong("id"),
                  rs.getLong("at"),
                  accountId,
                  rs.getString("actor_email"),
                  rs.getString("action"),
                  rs.getString("object_type"),
                  rs.getString("object_id"),
                  rs.getString("detail"));
            })
            .list());
  }

  public long count() {
    return database.read(
        h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
