package org.tamizdat.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedTextGuard;
import org.tamizdat.db.Database;

/**
 * This node's search indexes, kept in step with the database. One thread writes: it follows the
 * change log (poked by the change watcher and polling on its own, since scheduled articles become
 * public without a write), reindexes the articles named there and switches to a new generation when
 * a rebuild — here or in a {@code tamizdat search reindex} process — made one current.
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
  private static final int CHANGE_BATCH = 1_000;
  private static final int ID_BATCH = 500;
  private static final double RAM_BUFFER_MB = 16;

  /** The indexes of one generation, one per edition. */
  private record Generation(String name, Map<Language, EditionIndex> editions) {}

  /** Work on an edition's point-in-time searcher. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private final IndexLocation location;
  private final SearchSource source;
  private final SearchableText text;
  private final Clock clock;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("search-index").daemon().factory());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("search-poll").daemon().factory());
  private final AtomicBoolean syncQueued = new AtomicBoolean();
  private volatile Generation current;
  private ChangeCursor cursor;

  /** A generation made current elsewhere that this process could not open; not retried. */
  private String unreadable;

  public SearchIndex(Path root, Database database, SearchableText text, Clock clock) {
    this(root, database, text, PublishedTextGuard.NONE, clock);
  }

  /** With the publish guard: an article it withholds is kept out of the index (or taken out). */
  public SearchIndex(
      Path root, Database database, SearchableText text, PublishedTextGuard guard, Clock clock) {
    this.location = new IndexLocation(root);
    this.source = new SearchSource(database, guard);
    this.text = text;
    this.clock = clock;
  }

  /** A rebuilder writing to the same place, for {@code tamizdat search reindex}. */
  public Reindexer reindexer() {
    return new Reindexer(location, source, text, clock);
  }

  /**
   * Opens the current generation (building one if there is none or it cannot be read), catches up
   * with the change log, then keeps following it every {@code pollMillis}. Blocks until searchable.
   */
  public void start(long pollMillis) {
    onWriter(this::openOrBuild);
    timer.scheduleWithFixedDelay(this::requestSync, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Asks for a catch-up soon, on the index thread; requests made meanwhile collapse into one. */
  public void requestSync() {
    if (current != null && syncQueued.compareAndSet(false, true)) {
      writer.execute(() -> {
        syncQueued.set(false);
        syncLogged();
      });
    }
  }

  /** Catches up now and returns when done. */
  public void syncNow() {
    onWriter(this::sync);
  }

  /** Runs {@code work} on a searcher of {@code lang}'s index, retrying once across a switch. */
  public <T> T withSearcher(Language lang, SearcherWork<T> work) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Generation generation = current;
      if (generation == null) {
        throw new IllegalStateException("search index not started");
      }
      EditionIndex edition = generation.editions.get(lang);
      IndexSearcher searcher;
      try {
        searcher = edition.acquire();
      } catch (AlreadyClosedException e) {
        if (attempt > 0) {
          throw e;
        }
        continue; // switched to a new generation between reading it and acquiring
      }
      try {
        return work.apply(searcher);
      } finally {
        edition.release(searcher);
      }
    }
  }

  private void openOrBuild() throws IOException {
    Optional<String> name = location.current();
    if (name.isPresent()) {
      try {
        switchTo(name.get());
      } catch (RuntimeException | IOException e) {
        log.warn("search index {} unreadable ({}); rebuilding", name.get(), e.getMessage());
      }
    }
    if (current == null) {
      log.info("building the search index");
      Reindexer.Result built = reindexer().rebuild(ReindexProgress.none());
      log.info("search index built: {} articles in {} ms", built.total(), built.took().toMillis());
      switchTo(built.generation());
    }
    location.deleteAllBut(current.name);
    sync();
  }

  private void syncLogged() {
    try {
      sync();
    } catch (IOException | RuntimeException e) {
      // The next poll tries again; the site keeps serving from the index as it is.
      log.warn("search index sync failed: {}", e.getMessage());
    }
  }

  private void sync() throws IOException {
    Optional<String> pointed = location.current();
    if (pointed.isPresent()
        && !pointed.get().equals(current.name)
        && !pointed.get().equals(unreadable)) {
      try {
        switchTo(pointed.get());
      } catch (IOException | RuntimeException e) {
        // Keep serving and following changes on the index we have; say so once, not every poll.
        unreadable = pointed.get();
        log.error("cannot switch to search index {}: {}", unreadable, e.getMessage());
      }
    }
    boolean first = true;
    while (true) {
      long now = clock.millis();
      List<SearchSource.Change> changes =
          source.changes(cursor.seq(), cursor.gaps().keySet(), CHANGE_BATCH);
      Set<Long> ids = new LinkedHashSet<>();
      for (SearchSource.Change change : changes) {
        if (change.entity().equals("article") && change.entityId() != null) {
          ids.add(change.entityId());
        }
      }
      if (first) {
        ids.addAll(source.becamePublic(cursor.publicUntil(), now));
      }
      ChangeCursor next =
          cursor.advance(changes.stream().map(SearchSource.Change::seq).toList(), now, now);
      boolean logMoved = next.seq() != cursor.seq() || !next.gaps().equals(cursor.gaps());
      if (!ids.isEmpty() || logMoved) {
        apply(List.copyOf(ids), now);
        for (EditionIndex edition : current.editions.values()) {
          edition.commit(next);
        }
      }
      cursor = next;
      first = false;
      if (changes.size() < CHANGE_BATCH) {
        return;
      }
    }
  }

  /** Indexes the public ones among {@code ids} in their edition and removes the rest anywhere. */
  private void apply(List<Long> ids, long now) throws IOException {
    for (int from = 0; from < ids.size(); from += ID_BATCH) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
      Map<Long, IndexedArticle> found = new HashMap<>();
      for (StoredArticle stored : source.publicAmong(batch, now)) {
        found.put(stored.id(), text.extract(stored));
      }
      for (long id : batch) {
        IndexedArticle article = found.get(id);
        for (Map.Entry<Language, EditionIndex> edition : current.editions.entrySet()) {
          if (article != null && article.lang() == edition.getKey()) {
            edition.getValue().put(article);
          } else {
            edition.getValue().remove(id);
          }
        }
      }
    }
  }

  /** Opens {@code name}, makes it the one searches use, and closes and deletes the old one. */
  private void switchTo(String name) throws IOException {
    Map<Language, EditionIndex> editions = new EnumMap<>(Language.class);
    ChangeCursor saved = null;
    try {
      for (Language lang : Language.values()) {
        EditionIndex edition = EditionIndex.open(location.dir(lang, name), false, RAM_BUFFER_MB);
        editions.put(lang, edition);
        ChangeCursor own = edition.cursor();
        if (own == null) {
          throw new IOException("no change-log position saved in " + edition.path());
        }
        saved = saved == null ? own : saved.earliest(own);
      }
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(editions.values());
      throw e;
    }
    Generation old = current;
    current = new Generation(name, editions);
    cursor = saved;
    if (old != null) {
      IOUtils.close(old.editions.values());
      location.deleteAllBut(name);
      log.info("search switched to index generation {}", name);
    }
  }

  private void onWriter(IoTask task) {
    try {
      writer
          .submit(() -> {
            task.run();
            return null;
          })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  @FunctionalInterface
  private interface IoTask {
    void run() throws IOException;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    writer.shutdown();
    try {
      if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Generation last = current;
    current = null;
    if (last != null) {
      IOUtils.closeWhileHandlingException(last.editions.values());
    }
  }
}
