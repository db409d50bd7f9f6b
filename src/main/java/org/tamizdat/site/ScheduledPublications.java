package org.tamizdat.site;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.ArticleRepository;

/**
 * A scheduled article becomes public when its time comes, with no write to the change log, so
 * nothing would tell the page cache. Run every second or so on every node, this asks whether any
 * article went public since its previous run and then marks this node's cached pages stale. It asks
 * about the time passed rather than remembering the next publication time, because an article
 * scheduled on another node meanwhile (perhaps due before the next run) would be missed.
 */
public final class ScheduledPublications implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledPublications.class);

  private final ArticleRepository articles;
  private final Runnable invalidate;
  private final Clock clock;
  private Instant checkedUntil;

  public ScheduledPublications(ArticleRepository articles, Runnable invalidate, Clock clock) {
    this.articles = articles;
    this.invalidate = invalidate;
    this.clock = clock;
  }

  @Override
  public synchronized void run() {
    try {
      Instant now = clock.instant();
      if (checkedUntil != null && articles.becamePublic(checkedUntil, now)) {
        invalidate.run();
      }
      checkedUntil = now;
    } catch (RuntimeException e) {
      log.warn("cannot check scheduled publications: {}", e.getMessage());
    }
  }
}
