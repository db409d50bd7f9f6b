package org.tamizdat.search.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;
import org.tamizdat.search.ReindexProgress;
import org.tamizdat.search.Reindexer;
import org.tamizdat.search.SearchIndex;
import org.tamizdat.search.SearchRequest;
import org.tamizdat.search.SearchableText;
import org.tamizdat.search.Searcher;
import org.tamizdat.search.UserQuery;
import org.tamizdat.search.bench.ArchiveGenerator.Generated;
import org.tamizdat.search.bench.QuerySet.BenchQuery;

/**
 * bench/search.sh: generates an archive into SQLite, rebuilds the search index from it with the
 * real reindexer, answers a fixed query set with the real searcher (snippets included), then
 * answers the same queries with PostgreSQL full-text search as the baseline. Prints {@code name
 * value unit} lines. Not a unit test: run it through the script.
 *
 * <p>Each engine is measured as the product uses it: Lucene counts hits exactly up to 1,000 and
 * then reports "more than"; the PostgreSQL query counts all matches, as ranking needs them anyway.
 */
public final class SearchBenchmark {
  static final Instant NEWEST = Instant.parse("2026-11-25T12:00:00Z");
  static final int TIMED_PASSES = 3;
  static final int WARM_UP = 200;

  /** What one run measured. */
  record Figures(
      int articles,
      double generateSeconds,
      double reindexSeconds,
      double indexMegabytes,
      Latencies lucene,
      double pgIndexSeconds,
      Latencies postgres) {}

  /** Latency percentiles and the mean number of hits, over one timed pass. */
  record Latencies(
      double p50, double p99, double max, double meanHits, double cpuP50, double cpuP99) {
    static Latencies of(long[] nanos, long[] cpuNanos, long totalHits) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      long[] cpu = cpuNanos.clone();
      Arrays.sort(cpu);
      return new Latencies(
          millis(percentile(sorted, 0.50)),
          millis(percentile(sorted, 0.99)),
          millis(sorted[sorted.length - 1]),
          (double) totalHits / nanos.length,
          millis(percentile(cpu, 0.50)),
          millis(percentile(cpu, 0.99)));
    }

    private static long percentile(long[] sorted, double p) {
      return sorted[(int) Math.ceil(p * (sorted.length - 1))];
    }

    private static double millis(long nanos) {
      return nanos / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int articles = intArg(args, "--articles", 100_000);
    int queries = intArg(args, "--queries", 1_000);
    String pgUrl =
        System.getenv()
            .getOrDefault(
                "TAMIZDAT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    Path dir = Files.createTempDirectory("tamizdat-search-bench");
    try {
      double loadBefore = systemLoad();
      Figures figures = run(dir, articles, queries, pgUrl);
      // On a shared machine other processes' load moves every figure; print it beside them.
      line("system_load_1m_before", loadBefore, "load");
      line("system_load_1m_after", systemLoad(), "load");
      line("cores", Runtime.getRuntime().availableProcessors(), "count");
      print(figures);
    } finally {
      deleteTree(dir);
    }
  }

  static Figures run(Path dir, int articleCount, int queryCount, String pgUrl) throws Exception {
    Clock clock = Clock.fixed(NEWEST.plusSeconds(3600), ZoneOffset.UTC);
    List<BenchQuery> queries = QuerySet.generate(queryCount, 7);
    try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"))) {
      database.migrate();
      long start = System.nanoTime();
      load(database, articleCount, clock);
      double generateSeconds = seconds(start);
      Path indexRoot = dir.resolve("search");
      try (SearchIndex index =
          new SearchIndex(indexRoot, database, SearchableText.plain(), clock)) {
        start = System.nanoTime();
        Reindexer.Result built = index.reindexer().rebuild(ReindexProgress.none());
        double reindexSeconds = seconds(start);
        if (built.total() != articleCount) {
          throw new IllegalStateException("indexed " + built.total() + " of " + articleCount);
        }
        index.start(3_600_000);
        Searcher searcher = new Searcher(index, ZoneOffset.UTC);
        Latencies lucene = time("lucene", q -> searcher.search(request(q)).page().total(), queries);
        double megabytes = sizeOf(indexRoot) / 1e6;
        try (PostgresBaseline pg = PostgresBaseline.create(pgUrl)) {
          start = System.nanoTime();
          pg.load(articleCount);
          double pgIndexSeconds = seconds(start);
          Latencies postgres = time("pg", pg::answer, queries);
          return new Figures(
              articleCount,
              generateSeconds,
              reindexSeconds,
              megabytes,
              lucene,
              pgIndexSeconds,
              postgres);
        }
      }
    }
  }

  /** The archive, generated afresh for each engine rather than held: it would not fit the heap. */
  static ArchiveGenerator archive() {
    return new ArchiveGenerator(42, NEWEST.toEpochMilli());
  }

  /**
   * Generates {@code count} articles into the database (also used by tests that need volume).
   * Inserts rows directly, bodies as simple paragraphs: rendering 100,000 Markdown bodies through
   * the writer would measure the renderer, not search.
   */
  public static void load(Database database, int count, Clock clock) {
    ArchiveGenerator archive = archive();
    CatalogRepository catalog = new CatalogRepository(database, new ChangeLog(clock));
    for (int i = 0; i < ArchiveGenerator.SECTIONS.size(); i++) {
      String slug = ArchiveGenerator.SECTIONS.get(i);
      catalog.saveSection(slug, i, Map.of(Language.EN, slug, Language.RU, slug));
    }
    for (int from = 0; from < count; from += 2_000) {
      List<Generated> chunk = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 2_000); i++) {
        chunk.add(archive.article(i));
      }
      database.write(h -> {
        PreparedBatch batch =
            h.prepareBatch(
                """
                INSERT INTO article (lang, slug, title, dek, body_md, body_html, body_html_version,
                  section_id, status, published_at, updated_at, created_at)
                VALUES (:lang, :slug, :title, :dek, :md, :html, :format,
                  (SELECT id FROM section WHERE slug = :section), 'published', :published,
                  :published, :published)
                """);
        for (Generated a : chunk) {
          batch
              .bind("lang", a.lang().code())
              .bind("slug", a.slug())
              .bind("title", a.title())
              .bind("dek", a.dek())
              .bind("md", String.join("\n\n", a.paragraphs()))
              .bind("html", "<p>" + String.join("</p>\n<p>", a.paragraphs()) + "</p>")
              .bind("format", ArticleWriter.BODY_FORMAT)
              .bind("section", a.section())
              .bind("published", a.publishedMillis())
              .add();
        }
        batch.execute();
        return null;
      });
    }
  }

  /** Answers one query and returns its total hit count. */
  @FunctionalInterface
  interface Engine {
    long answer(BenchQuery query) throws Exception;
  }

  /**
   * An untimed warm-up (JIT, caches), then {@link #TIMED_PASSES} timed passes; a query's time is
   * its median over those, so a pause caused by another process on a shared machine does not pass
   * for a slow query, while a query slow every time still is.
   */
  static Latencies time(String name, Engine engine, List<BenchQuery> queries) throws Exception {
    for (BenchQuery q : queries.subList(0, Math.min(WARM_UP, queries.size()))) {
      engine.answer(q);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] runs = new long[queries.size()][TIMED_PASSES];
    long[][] cpuRuns = new long[queries.size()][TIMED_PASSES];
    long hits = 0;
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      for (int i = 0; i < queries.size(); i++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long total = engine.answer(queries.get(i));
        runs[i][pass] = System.nanoTime() - start;
        cpuRuns[i][pass] = threads.getCurrentThreadCpuTime() - cpu;
        hits += pass == 0 ? total : 0;
      }
    }
    long[] nanos = new long[queries.size()];
    long[] cpuNanos = new long[queries.size()];
    for (int i = 0; i < nanos.length; i++) {
      Arrays.sort(runs[i]);
      Arrays.sort(cpuRuns[i]);
      nanos[i] = runs[i][TIMED_PASSES / 2];
      cpuNanos[i] = cpuRuns[i][TIMED_PASSES / 2];
    }
    reportSlowest(name, queries, nanos);
    return Latencies.of(nanos, cpuNanos, hits);
  }

  /** The slowest queries, on standard error: where to look when p99 moves. */
  static void reportSlowest(String engine, List<BenchQuery> queries, long[] nanos) {
    Integer[] order = new Integer[nanos.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
    for (int i = 0; i < Math.min(5, order.length); i++) {
      BenchQuery q = queries.get(order[i]);
      System.err.printf(
          Locale.ROOT,
          "slowest %s %.1f ms %s %s%n",
          engine,
          nanos[order[i]] / 1e6,
          q.lang().code(),
          q.text());
    }
  }

  private static SearchRequest request(BenchQuery q) {
    return new SearchRequest(
        q.lang(), UserQuery.of(q.text()), null, null, null, SearchRequest.Order.RELEVANCE, 1, 10);
  }

  static void print(Figures f) {
    line("articles", f.articles(), "count");
    line("generate_and_load", f.generateSeconds(), "s");
    line("lucene_reindex", f.reindexSeconds(), "s");
    line("lucene_index_size", f.indexMegabytes(), "MB");
    line("lucene_p50", f.lucene().p50(), "ms");
    line("lucene_p99", f.lucene().p99(), "ms");
    line("lucene_max", f.lucene().max(), "ms");
    // Time on the searching thread's CPU: what a query costs when it need not wait for a core.
    line("lucene_cpu_p50", f.lucene().cpuP50(), "ms");
    line("lucene_cpu_p99", f.lucene().cpuP99(), "ms");
    line("lucene_mean_hits", f.lucene().meanHits(), "count");
    line("pg_fts_index_build", f.pgIndexSeconds(), "s");
    line("pg_fts_p50", f.postgres().p50(), "ms");
    line("pg_fts_p99", f.postgres().p99(), "ms");
    line("pg_fts_max", f.postgres().max(), "ms");
    line("pg_fts_mean_hits", f.postgres().meanHits(), "count");
    line("ratio_p50_pg_over_lucene", f.postgres().p50() / f.lucene().p50(), "x");
    line("ratio_p99_pg_over_lucene", f.postgres().p99() / f.lucene().p99(), "x");
    line("ratio_index_build_pg_over_lucene", f.pgIndexSeconds() / f.reindexSeconds(), "x");
    line("target_p99_under_20ms", f.lucene().p99() < 20 ? 1 : 0, "bool");
    line("target_reindex_under_60s", f.reindexSeconds() < 60 ? 1 : 0, "bool");
    line(
        "target_faster_than_pg",
        f.lucene().p50() < f.postgres().p50() && f.lucene().p99() < f.postgres().p99() ? 1 : 0,
        "bool");
  }

  private static void line(String name, double value, String unit) {
    String shown =
        value == Math.rint(value) && Math.abs(value) < 1e15
            ? Long.toString((long) value)
            : String.format(Locale.ROOT, "%.3f", value);
    System.out.println(name + " " + shown + " " + unit);
  }

  private static double systemLoad() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
