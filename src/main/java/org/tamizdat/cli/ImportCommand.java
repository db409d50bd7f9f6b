package org.tamizdat.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.article.Language;
import org.tamizdat.importer.ImportProgress;
import org.tamizdat.importer.ImportReport;
import org.tamizdat.importer.WordPressImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tamizdat import …}: bring an archive across from another system. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import content from another publishing system.",
    subcommands = {ImportCommand.WordPress.class})
final class ImportCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** {@code tamizdat import wordpress EXPORT.xml}: a WXR file from Tools > Export. */
  @Command(
      name = "wordpress",
      mixinStandardHelpOptions = true,
      description = {
        "Import a WordPress export (WXR 1.0-1.2): posts, pages, authors, categories, tags,"
            + " images and translations, with 301s from the old addresses.",
        "All in one transaction: a failed import changes nothing. Run it again to update."
      })
  static final class WordPress implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "EXPORT.xml", description = "The WXR file.")
    Path file;

    @Option(
        names = "--media",
        paramLabel = "DIR",
        description = "A copy of wp-content/uploads; images are never fetched from the network.")
    Path media;

    @Option(
        names = "--edition",
        paramLabel = "en|ru",
        description = "Edition of posts without Polylang or WPML data (default: the export's).")
    String edition;

    @Option(names = "--dry-run", description = "Read and report everything, write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      Optional<Language> lang =
          Optional.ofNullable(edition)
              .map(code ->
                  Language.fromCode(code)
                      .orElseThrow(() ->
                          new IllegalArgumentException(
                              "--edition must be en or ru, not '" + code + "'")));
      WordPressImporter.Options options =
          new WordPressImporter.Options(file, Optional.ofNullable(media), lang, dryRun);
      try (App app = new App(config.load(Map.of()), Clock.systemUTC());
          Bar bar = new Bar()) {
        ImportReport report = app.importWordPress(options, bar);
        bar.close();
        report.lines().forEach(System.out::println);
      }
      return 0;
    }
  }

  /** Both passes over the file as one bar, in MiB read, on standard error. */
  private static final class Bar implements ImportProgress, AutoCloseable {
    private ProgressBar bar;
    private String phase = "";

    @Override
    public void progress(String phase, long done, long total) {
      if (!phase.equals(this.phase)) {
        close();
        this.phase = phase;
        bar = new ProgressBar(System.err, phase, (int) Math.max(1, total >> 10));
      }
      bar.advanceTo((int) (done >> 10), "KiB");
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
