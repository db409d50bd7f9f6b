package org.tamizdat.site;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.ArticleRepository;

/**
 * A scheduled article becomes public when its time comes, with no write to the change log, so
 * nothing would tell the page cache. Run every few seconds, this remembers the next publication
 * time and marks cached pages stale once it has passed.
 */
public final class ScheduledPublications implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledPublications.class);

  private final ArticleRepository articles;
  private final Runnable invalidate;
  private final Clock clock;
  private Instant pending;

  public ScheduledPublications(ArticleRepository articles, Runnable invalidate, Clock clock) {
    this.articles = articles;
    this.invalidate = invalidate;
    this.clock = clock;
  }

  @Override
  public synchronized void run() {
    try {
      if (pending != null && !pending.isAfter(clock.instant())) {
        invalidate.run();
      }
      pending = articles.nextPublication().orElse(null);
    } catch (RuntimeException e) {
      log.warn("cannot check scheduled publications: {}", e.getMessage());
    }
  }
}
