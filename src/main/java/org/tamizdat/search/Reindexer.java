package org.tamizdat.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.lucene.util.IOUtils;
import org.tamizdat.article.Language;

/**
 * Builds a whole new index generation from the database, then makes it current. Search stays up
 * meanwhile: running servers keep their generation until they see the switch (see {@link
 * SearchIndex}), and pick up writes made during the build from the change log, since the new
 * generation's cursor starts where the build started.
 */
public final class Reindexer {
  private static final int BATCH = 500;

  /** Generous buffers make a rebuild flush fewer, larger segments. */
  private static final double RAM_BUFFER_MB = 64;

  /** How far back to look for change-log numbers still in flight when the build starts. */
  private static final long GAP_LOOKBACK = 1_000;

  private final IndexLocation location;
  private final SearchSource source;
  private final SearchableText text;
  private final Clock clock;

  Reindexer(IndexLocation location, SearchSource source, SearchableText text, Clock clock) {
    this.location = location;
    this.source = source;
    this.text = text;
    this.clock = clock;
  }

  /** What a rebuild did. */
  public record Result(String generation, Map<Language, Long> counts, Duration took) {
    public long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public Result rebuild(ReindexProgress progress) {
    long started = System.nanoTime();
    long now = clock.millis();
    String generation = location.newGeneration(now);
    // Read the log position before the articles: a write racing the scan is then replayed.
    long seq = source.latestSeq();
    long from = Math.max(0, seq - GAP_LOOKBACK);
    ChangeCursor cursor =
        ChangeCursor.at(seq, now).withGapsBehind(source.seqsBetween(from, seq), from, now);
    Map<Language, EditionIndex> editions = new EnumMap<>(Language.class);
    AtomicLongArray counts = new AtomicLongArray(Language.values().length);
    try {
      for (Language lang : Language.values()) {
        editions.put(lang, EditionIndex.open(location.dir(lang, generation), true, RAM_BUFFER_MB));
      }
      progress.started(source.countPublic(now));
      fill(editions, counts, now, progress);
      for (EditionIndex edition : editions.values()) {
        edition.commit(cursor);
      }
      IOUtils.close(editions.values());
      location.makeCurrent(generation);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(editions.values());
      throw new UncheckedIOException("search index rebuild failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(editions.values());
      throw e;
    }
    location.deleteAllBut(generation);
    Map<Language, Long> byLang = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      byLang.put(lang, counts.get(lang.ordinal()));
    }
    return new Result(generation, byLang, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Reads pages of articles on this thread while the other cores turn them into index entries;
   * IndexWriter takes documents from many threads at once.
   */
  private void fill(
      Map<Language, EditionIndex> editions,
      AtomicLongArray counts,
      long now,
      ReindexProgress progress)
      throws IOException {
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers, Thread.ofPlatform().name("search-reindex-", 0).daemon().factory());
    try {
      List<Future<Integer>> inFlight = new ArrayList<>();
      long afterId = 0;
      long done = 0;
      while (true) {
        List<StoredArticle> page = source.publicAfter(afterId, BATCH, now);
        if (page.isEmpty()) {
          break;
        }
        afterId = page.get(page.size() - 1).id();
        List<StoredArticle> indexable = source.indexable(page);
        inFlight.add(pool.submit(() -> index(indexable, editions, counts)));
        // Keep a bounded number of pages in memory: wait for the oldest beyond two per worker.
        while (inFlight.size() > 2 * workers) {
          done += await(inFlight.remove(0));
          progress.indexed(done);
        }
      }
      for (Future<Integer> future : inFlight) {
        done += await(future);
        progress.indexed(done);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private int index(
      List<StoredArticle> page, Map<Language, EditionIndex> editions, AtomicLongArray counts)
      throws IOException {
    for (StoredArticle stored : page) {
      IndexedArticle article = text.extract(stored);
      editions.get(article.lang()).add(article);
      counts.incrementAndGet(article.lang().ordinal());
    }
    return page.size();
  }

  private static int await(Future<Integer> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
