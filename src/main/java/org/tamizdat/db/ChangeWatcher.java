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
  private long lastSeen;

  public ChangeWatcher(Database database) {
    this.database = database;
    this.lastSeen = database.read(ChangeLog::latestSeq);
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
      long latest = database.read(ChangeLog::latestSeq);
      if (latest != lastSeen) {
        lastSeen = latest;
        listeners.forEach(listener -> listener.accept(latest));
      }
    } catch (RuntimeException e) {
      log.warn("change log poll failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
