package org.tamizdat.admin.editorial;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/**
 * Publishes scheduled articles at their time, once. Readers see a scheduled article as soon as its
 * time comes (the public rule compares published_at with the clock), but nothing was written then,
 * so consumers of the change log (page cache on every node, search, export) would only notice by
 * polling. This writes the one change-log entry for it: a conditional update claims the due row, so
 * with several nodes running this every few seconds exactly one of them appends the entry
 * (PostgreSQL re-checks the condition after waiting for the row lock; SQLite has one writer).
 */
public final class ScheduledAnnouncer implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledAnnouncer.class);

  private final Database database;
  private final ChangeLog changeLog;
  private final Runnable onAnnounced;
  private final Clock clock;

  /** {@code onAnnounced}: tells this node's change watcher at once. */
  public ScheduledAnnouncer(
      Database database, ChangeLog changeLog, Runnable onAnnounced, Clock clock) {
    this.database = database;
    this.changeLog = changeLog;
    this.onAnnounced = onAnnounced;
    this.clock = clock;
  }

  private record Due(long articleId, long at) {}

  @Override
  public void run() {
    try {
      if (announceDue() > 0) {
        onAnnounced.run();
      }
    } catch (RuntimeException e) {
      log.warn("cannot announce scheduled publications: {}", e.getMessage());
    }
  }

  /** Announces every publication whose time has come; returns how many this call announced. */
  public int announceDue() {
    long now = clock.millis();
    List<Due> due =
        database.read(h ->
            h.createQuery(
                    """
                    SELECT article_id, announce_at FROM article_workflow
                    WHERE announce_at IS NOT NULL AND announce_at <= :now
                    """)
                .bind("now", now)
                .map((rs, ctx) -> new Due(rs.getLong(1), rs.getLong(2)))
                .list());
    int announced = 0;
    for (Due d : due) {
      boolean mine =
          database.write(h -> {
            int claimed =
                h.createUpdate(
                        """
                        UPDATE article_workflow SET announce_at = NULL, announced_at = :now
                        WHERE article_id = :id AND announce_at = :at
                        """)
                    .bind("now", now)
                    .bind("id", d.articleId())
                    .bind("at", d.at())
                    .execute();
            if (claimed == 1) {
              changeLog.append(h, "article", d.articleId());
            }
            return claimed == 1;
          });
      announced += mine ? 1 : 0;
    }
    return announced;
  }
}
