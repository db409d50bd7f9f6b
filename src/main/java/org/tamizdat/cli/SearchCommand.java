package org.tamizdat.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.article.Language;
import org.tamizdat.search.ReindexProgress;
import org.tamizdat.search.Reindexer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tamizdat search …}: maintenance of the full-text search index. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Maintain the full-text search index.",
    subcommands = {SearchCommand.Reindex.class})
final class SearchCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * {@code tamizdat search reindex}: rebuilds both editions' indexes from the database while the
   * site keeps searching the old ones; a running server switches within a second of the end.
   */
  @Command(
      name = "reindex",
      mixinStandardHelpOptions = true,
      description = "Rebuild the search index from the database without taking search offline.")
  static final class Reindex implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() {
      try (App app = new App(config.load(Map.of()), Clock.systemUTC());
          BarProgress progress = new BarProgress()) {
        Reindexer.Result result = app.reindexSearch(progress);
        progress.close();
        System.out.printf(
            "search index rebuilt: %d articles (en %d, ru %d) in %.1f s%n",
            result.total(),
            result.counts().get(Language.EN),
            result.counts().get(Language.RU),
            result.took().toMillis() / 1000.0);
      }
      return 0;
    }
  }

  /** Draws the rebuild's progress on standard error, so standard output stays one summary line. */
  private static final class BarProgress implements ReindexProgress, AutoCloseable {
    private ProgressBar bar;

    @Override
    public void started(long total) {
      bar = new ProgressBar(System.err, "reindex", (int) Math.min(Integer.MAX_VALUE, total));
    }

    @Override
    public void indexed(long done) {
      bar.advanceTo((int) done, "articles");
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
