package org.tamizdat.ticker;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value turns stale with time alone, with nothing written that the change log could report. Run
 * every minute, this calls {@code onChange} when the set of stale items differs from the last run,
 * so cached pages gain (or lose) the stale mark within a minute and are left alone otherwise.
 */
public final class StaleWatch implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(StaleWatch.class);

  private final TickerHeader header;
  private final Runnable onChange;
  private List<String> lastStale;

  public StaleWatch(TickerHeader header, Runnable onChange) {
    this.header = header;
    this.onChange = onChange;
  }

  @Override
  public synchronized void run() {
    try {
      List<String> stale =
          header.items().stream().filter(TickerItem::stale).map(TickerItem::code).toList();
      if (lastStale != null && !Objects.equals(lastStale, stale)) {
        onChange.run();
      }
      lastStale = stale;
    } catch (RuntimeException e) {
      log.warn("ticker staleness check failed: {}", e.getMessage());
    }
  }
}
