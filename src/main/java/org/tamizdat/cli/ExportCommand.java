package org.tamizdat.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.config.Config;
import org.tamizdat.config.ConfigLoader;
import org.tamizdat.export.ExportReport;
import org.tamizdat.export.ExportTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tamizdat export --out DIR}: the public site as static files, for mirrors and onion. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the public site as static files with the same URLs, for mirrors and onion services.",
      "Run it again to update: only what changed is rendered and written, and pages that were"
          + " unpublished are removed."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Where the files will be served (default: TAMIZDAT_BASE_URL). For a mirror listed in"
              + " TAMIZDAT_MIRRORS, canonical links still name the main site.")
  String baseUrl;

  @Option(
      names = "--onion",
      description = "For the onion service at TAMIZDAT_ONION_URL: no link leads to the clearnet.")
  boolean onion;

  @Option(names = "--full", description = "Render every page, not only what changed.")
  boolean full;

  @Override
  public Integer call() {
    Config settings = config.load(Map.of());
    Optional<URI> base = Optional.ofNullable(baseUrl).map(ExportCommand::origin);
    ExportTarget target = ExportTarget.of(settings, base, onion);
    try (App app = new App(settings, Clock.systemUTC());
        ProgressBars progress = new ProgressBars()) {
      ExportReport report = app.export(out, target, full, progress);
      System.out.printf(
          "exported %s (%s) to %s: %d files; %d %s, %d written, %d removed in %.1f s%n",
          target.servedBase(),
          target.kind().name().toLowerCase(java.util.Locale.ROOT),
          out,
          report.files(),
          report.rendered(),
          report.incremental() ? "checked for changes" : "rendered",
          report.written(),
          report.removed(),
          report.millis() / 1000.0);
    }
    return 0;
  }

  private static URI origin(String raw) {
    try {
      return ConfigLoader.origin(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--base-url " + e.getMessage());
    }
  }
}
