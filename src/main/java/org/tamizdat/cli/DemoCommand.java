package org.tamizdat.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.config.Config;
import org.tamizdat.demo.DemoContent;
import org.tamizdat.export.ExportProgress;
import org.tamizdat.export.ExportReport;
import org.tamizdat.export.ExportTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tamizdat demo}: loads the fictional demo newsroom (idempotently) and serves it, or writes
 * it as a static site. The launcher's start-up cache is recorded from that static export.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Load demo content and serve the site (or export it with --export).")
final class DemoCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--export",
      paramLabel = "DIR",
      description = "Write the demo site as static files to DIR instead of serving it.")
  Path export;

  @Override
  public Integer call() throws InterruptedException {
    Config settings = config.load(DemoContent.defaults());
    if (export == null) {
      return ServeCommand.run(settings, true);
    }
    try (App app = new App(settings, Clock.systemUTC())) {
      int articles = app.loadDemo();
      ExportReport report =
          app.export(
              export,
              ExportTarget.of(settings, Optional.empty(), false),
              false,
              ExportProgress.NONE);
      System.out.printf(
          "demo: %d articles, %d files exported to %s%n", articles, report.files(), export);
    }
    return 0;
  }
}
