package org.tamizdat.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.config.Config;
import org.tamizdat.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tamizdat serve}: runs the site until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site.")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      description = "Properties file (default: ./tamizdat.properties if present).")
  Path configFile;

  @Override
  public Integer call() throws InterruptedException {
    return run(load(configFile, Map.of()), false);
  }

  static Config load(Path configFile, Map<String, String> defaults) {
    Optional<Path> file = Optional.ofNullable(configFile);
    if (configFile != null && !configFile.toFile().isFile()) {
      throw new IllegalArgumentException("config file not found: " + configFile);
    }
    return ConfigLoader.load(
        System.getenv(), file.or(() -> Optional.of(Path.of("tamizdat.properties"))), defaults);
  }

  static int run(Config config, boolean demo) throws InterruptedException {
    long started = System.nanoTime();
    App app = new App(config, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    if (demo) {
      int articles = app.loadDemo();
      System.out.println("demo content loaded: " + articles + " articles");
    }
    int port = app.serve();
    System.out.printf(
        "Tamizdat is serving %s on http://%s:%d/ (started in %d ms)%n",
        config.isPostgres() ? "PostgreSQL" : "SQLite",
        config.httpHost(),
        port,
        (System.nanoTime() - started) / 1_000_000);
    Thread.currentThread().join();
    return 0;
  }
}
