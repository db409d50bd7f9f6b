package org.tamizdat.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.ticker.TickerFetcher.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tamizdat ticker fetch}: every configured source once, now. Runs whatever
 * TAMIZDAT_TICKER_FETCH says and without the job lease: it is an operator's explicit request, and
 * storing the same values twice changes nothing.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true, description = "Fetch ticker values now.")
final class TickerFetchCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    try (App app = new App(config.load(Map.of()), Clock.systemUTC())) {
      boolean clean = true;
      for (Outcome outcome : app.fetchTicker()) {
        System.out.printf(
            "%s: %d %s, %d new%n",
            outcome.source(),
            outcome.received(),
            outcome.received() == 1 ? "value" : "values",
            outcome.changed());
        for (String problem : outcome.problems()) {
          System.err.println("tamizdat: " + outcome.source() + ": " + problem);
          clean = false;
        }
      }
      return clean ? 0 : 1;
    }
  }
}
