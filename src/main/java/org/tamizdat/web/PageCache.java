package org.tamizdat.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered public pages, keyed by path and query. Instead of tracking which page shows which
 * article, every change to public content (or the ticker, or the date) bumps one epoch, and a page
 * rendered in an older epoch counts as missing; it is re-rendered on its next request. Lookups
 * touch no database, so hits are answered on the I/O thread.
 */
public final class PageCache {
  private final Cache<String, CachedPage> pages;
  private final AtomicLong epoch = new AtomicLong(1);
  private final boolean enabled;

  public PageCache(boolean enabled, long maxBytes) {
    this.enabled = enabled;
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String key, CachedPage page) -> page.weight() + key.length())
            .build();
  }

  public boolean enabled() {
    return enabled;
  }

  /** Read before rendering: a page rendered while content changes is stored with the old epoch. */
  public long epoch() {
    return epoch.get();
  }

  /** Marks every cached page stale. */
  public void invalidateAll() {
    epoch.incrementAndGet();
  }

  public CachedPage get(String key) {
    if (!enabled) {
      return null;
    }
    CachedPage page = pages.getIfPresent(key);
    return page != null && page.epoch() == epoch.get() ? page : null;
  }

  /** Returns what should be served: the new page, keeping Last-Modified if nothing changed. */
  public CachedPage put(String key, CachedPage page) {
    CachedPage kept = page.since(pages.getIfPresent(key));
    if (enabled) {
      pages.put(key, kept);
    }
    return kept;
  }

  public long size() {
    return pages.estimatedSize();
  }
}
