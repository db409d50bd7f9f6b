package org.tamizdat.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.sources.KeyFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tamizdat sources …}: the key that protects sources. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "Manage the key that encrypts protected sources.",
    subcommands = {SourcesCommand.Keygen.class})
final class SourcesCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /**
   * {@code tamizdat sources keygen}: creates the key file (TAMIZDAT_SOURCES_KEY_FILE) with a new
   * random 256-bit key, readable by its owner only. Never replaces an existing key: every source
   * stored under it would become unreadable.
   */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = "Create the sources key file (never replaces an existing one).")
  static final class Keygen implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() {
      Path path = config.load(Map.of()).sourcesKeyFile();
      String id = KeyFile.generate(path, new SecureRandom());
      System.out.printf(
          "sources key %s written to %s (mode 600); back it up apart from the database%n",
          id, path);
      return 0;
    }
  }
}
