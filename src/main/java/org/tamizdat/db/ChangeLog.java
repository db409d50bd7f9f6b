package org.tamizdat.db;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Every write to public content appends a row here in the same transaction. Consumers (the page
 * cache today; search and export later) follow the highest sequence number instead of being called
 * by every writer, so one mechanism serves one node and many.
 */
public final class ChangeLog {
  private final Clock clock;

  public ChangeLog(Clock clock) {
    this.clock = clock;
  }

  public void append(Handle handle, String entity, Long entityId) {
    handle
        .createUpdate("INSERT INTO change_log (entity, entity_id, at) VALUES (:entity, :id, :at)")
        .bind("entity", entity)
        .bind("id", entityId)
        .bind("at", clock.millis())
        .execute();
  }

  /** One recorded write: what kind of thing changed, and which one (null for "all of them"). */
  public record Change(long seq, String entity, Long entityId) {}

  /** Everything written after {@code seq}, in order. */
  public static List<Change> since(Handle handle, long seq) {
    return handle
        .createQuery("SELECT seq, entity, entity_id FROM change_log WHERE seq > :seq ORDER BY seq")
        .bind("seq", seq)
        .map((rs, ctx) -> {
          long id = rs.getLong("entity_id");
          return new Change(rs.getLong("seq"), rs.getString("entity"), rs.wasNull() ? null : id);
        })
        .list();
  }

  public static long latestSeq(Handle handle) {
    return handle
        .createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log")
        .mapTo(Long.class)
        .one();
  }
}
