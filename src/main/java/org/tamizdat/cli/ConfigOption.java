package org.tamizdat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.config.Config;
import org.tamizdat.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command that starts the app shares. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (default: ./tamizdat.properties if present).")
  Path file;

  /** Reads the configuration; {@code defaults} replace built-in defaults (the demo's names). */
  Config load(Map<String, String> defaults) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("config file not found: " + file);
    }
    Path chosen = file != null ? file : Path.of("tamizdat.properties");
    return ConfigLoader.load(System.getenv(), Optional.of(chosen), defaults);
  }
}
