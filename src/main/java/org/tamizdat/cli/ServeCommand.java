package org.tamizdat.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tamizdat serve}: runs the site until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    return run(config.load(Map.of()), false);
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
