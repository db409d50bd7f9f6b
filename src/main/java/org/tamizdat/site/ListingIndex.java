package org.tamizdat.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedArticles;

/**
 * The ordered ids of each listing, read once and kept until the content epoch changes or the next
 * scheduled article goes public, whichever comes first. Counting and skipping through a listing for
 * every page costs time in proportion to its length; with the ids at hand a page costs the same
 * deep in an archive as at its top. Both the server and the static export page through here.
 */
public final class ListingIndex {
  private static final long MAX_IDS = 4_000_000;

  private record Key(Language lang, Filter filter) {}

  private record Generation(long epoch, Instant validUntil, Cache<Key, long[]> listings) {}

  private final PublishedArticles articles;
  private final LongSupplier epoch;
  private final Clock clock;
  private final AtomicReference<Generation> current = new AtomicReference<>();

  public ListingIndex(PublishedArticles articles, LongSupplier epoch, Clock clock) {
    this.articles = articles;
    this.epoch = epoch;
    this.clock = clock;
  }

  /** Every visible article of the listing, newest first. */
  long[] ids(Language lang, Filter filter) {
    return generation()
        .listings()
        .get(new Key(lang, filter), k -> articles.listingIds(lang, filter));
  }

  private Generation generation() {
    long now = epoch.getAsLong();
    Generation g = current.get();
    if (g == null || g.epoch() != now || !clock.instant().isBefore(g.validUntil())) {
      Cache<Key, long[]> listings =
          Caffeine.newBuilder()
              .maximumWeight(MAX_IDS)
              .weigher((Key key, long[] ids) -> ids.length + 16)
              .build();
      g = new Generation(now, articles.nextPublication().orElse(Instant.MAX), listings);
      current.set(g);
    }
    return g;
  }
}
