package org.tamizdat.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the change log and tells listeners when it has grown. Writers on this node call {@link
 * #poke()} after committing so the local page cache reacts at once; the poll picks up writes made
 * by other processes sharing the database.
 */
public final class ChangeWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeWatcher.class);

  private final Database database;
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("change-watcher").daemon().factory());

  /**
   * How far back each poll looks. On PostgreSQL a transaction can commit a lower sequence number
   * after a higher one was seen, so "the maximum grew" would miss it; counting the rows of a recent
   * window (an index range scan) catches such late commits within this many entries.
   */
  static final long LATE_COMMIT_WINDOW = 1000;

  private record Mark(long latest, long recentRows) {}

  private Mark lastSeen;

  public ChangeWatcher(Database database) {
    this.database = database;
    this.lastSeen = mark(database.read(ChangeLog::latestSeq));
  }

  public void onChange(LongConsumer listener) {
    listeners.add(listener);
  }

  public void start(long pollMillis) {
    timer.scheduleWithFixedDelay(this::check, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Checks now, on the caller's thread. */
  public void poke() {
    check();
  }

  private synchronized void check() {
    try {
      Mark now = mark(lastSeen.latest);
      if (!now.equals(lastSeen)) {
        // Re-measured from the new maximum, so the moved window is not taken for a change.
        lastSeen = mark(now.latest);
        listeners.forEach(listener -> listener.accept(now.latest));
      }
    } catch (RuntimeException e) {
      log.warn("change log poll failed: {}", e.getMessage());
    }
  }

  private Mark mark(long previousLatest) {
    long floor = Math.max(0, previousLatest - LATE_COMMIT_WINDOW);
    return database.read(h ->
        h.createQuery("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM change_log WHERE seq > :floor")
            .bind("floor", floor)
            .map((rs, ctx) -> new Mark(Math.max(rs.getLong(1), previousLatest), rs.getLong(2)))
            .one());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
