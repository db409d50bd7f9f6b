package org.tamizdat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.tamizdat.backup.Backup;
import org.tamizdat.backup.KeyFiles;
import org.tamizdat.config.Config;
import org.tamizdat.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tamizdat backup --out FILE}: a consistent archive of the database and media while the
 * server keeps running. Key files are listed but left out unless {@code --include-keys}.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Write a consistent online backup (database, media; keys only when asked).")
final class BackupCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Archive to write.")
  Path out;

  @Option(
      names = "--include-keys",
      description =
          "Also copy the key files (sources, admin, DKIM). An archive stolen with its keys reveals"
              + " protected sources: keep such an archive apart and encrypted.")
  boolean includeKeys;

  @Override
  public Integer call() {
    Config loaded = config.load(Map.of());
    try (Database database = Database.open(loaded.dbUrl());
        ProgressBars progress = new ProgressBars()) {
      Backup.Summary summary =
          new Backup(database, loaded.mediaDir(), keyFiles(loaded, config), Clock.systemUTC())
              .write(out, includeKeys, progress);
      progress.close();
      System.out.printf(
          "backup written to %s: %d tables, %d rows, %d media files, keys %s%n",
          out,
          summary.tables(),
          summary.rows(),
          summary.mediaFiles(),
          summary.keysIncluded().isEmpty()
              ? "listed, not included"
              : "included: " + String.join(", ", summary.keysIncluded()));
    }
    return 0;
  }

  /** The installation's secret files by archive name; the DKIM key only when one is configured. */
  static KeyFiles keyFiles(Config loaded, ConfigOption option) {
    Map<String, Path> keys = new LinkedHashMap<>();
    keys.put("sources.key", loaded.sourcesKeyFile());
    keys.put("admin.key", loaded.dataDir().resolve("admin.key"));
    String dkim = System.getenv("TAMIZDAT_DKIM_KEY_FILE");
    if (dkim == null) {
      dkim = properties(option).getProperty("tamizdat.dkim.key.file");
    }
    if (dkim != null && !dkim.isBlank()) {
      keys.put("dkim.key", Path.of(dkim.strip()));
    }
    return new KeyFiles(keys);
  }

  private static Properties properties(ConfigOption option) {
    Path file = option.file != null ? option.file : Path.of("tamizdat.properties");
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return properties;
  }
}
