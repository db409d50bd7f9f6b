package org.tamizdat.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.backup.Restore;
import org.tamizdat.config.Config;
import org.tamizdat.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tamizdat restore FILE}: checks every checksum first, then restores into an empty target
 * (or replaces a non-empty one with {@code --force}). Stop the server before restoring.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore a backup into an empty database and data directory (stop the server).")
final class RestoreCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Parameters(paramLabel = "FILE", description = "Archive written by tamizdat backup.")
  Path archive;

  @Option(names = "--force", description = "Replace a target that already holds data.")
  boolean force;

  @Override
  public Integer call() {
    Config loaded = config.load(Map.of());
    try (Database database = Database.open(loaded.dbUrl());
        ProgressBars progress = new ProgressBars()) {
      Restore.Summary summary =
          new Restore(database, loaded.mediaDir(), BackupCommand.keyFiles(loaded, config))
              .restore(archive, force, progress);
      progress.close();
      System.out.printf(
          "restored %s: %d tables, %d rows, %d media files%s%n",
          archive,
          summary.tables(),
          summary.rows(),
          summary.mediaFiles(),
          summary.keysRestored().isEmpty()
              ? ""
              : ", keys " + String.join(", ", summary.keysRestored()));
    }
    return 0;
  }
}
