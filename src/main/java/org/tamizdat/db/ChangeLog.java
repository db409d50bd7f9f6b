package org.tamizdat.db;

import java.time.Clock;
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

  public static long latestSeq(Handle handle) {
    return handle
        .createQuery("SELECT COALESCE(MAX(seq), 0) FROM change_log")
        .mapTo(Long.class)
        .one();
  }
}
