package org.tamizdat.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tamizdat.app.App;
import org.tamizdat.ticker.CbrBackfill;
import org.tamizdat.ticker.Quote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tamizdat ticker backfill --from DATE [--to DATE]}: CBR rates for past dates. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = "Fill CBR rate history for a range of dates (one request per date).")
final class TickerBackfillCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First date.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last date (default: today).")
  LocalDate to;

  @Override
  public Integer call() throws InterruptedException {
    Clock clock = Clock.systemUTC();
    LocalDate today = Quote.marketToday(clock);
    LocalDate last = to != null ? to : today;
    if (from.isAfter(last)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + last);
    }
    if (last.isAfter(today.plusDays(1))) {
      throw new IllegalArgumentException("--to " + last + " is in the future");
    }
    try (App app = new App(config.load(Map.of()), clock)) {
      int days = (int) (last.toEpochDay() - from.toEpochDay() + 1);
      CbrBackfill.Summary summary;
      try (ProgressBar bar = new ProgressBar(System.err, "backfill", days)) {
        summary = app.tickerBackfill().run(from, last, day -> bar.step(day.toString()));
      }
      System.out.printf(
          "cbr backfill %s..%s: %d days, %d values stored, %d failed%n",
          from, last, summary.days(), summary.changed(), summary.failures().size());
      summary.failures().forEach(failure -> System.err.println("tamizdat: " + failure));
      return summary.failures().isEmpty() ? 0 : 1;
    }
  }
}
