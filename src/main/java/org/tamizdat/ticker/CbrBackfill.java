package org.tamizdat.ticker;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fills CBR history for a range of dates, one request per date with a pause between them (a public
 * service, asked politely). Days that fail are reported and skipped; the rest are stored.
 */
public final class CbrBackfill {
  /** {@code failures} holds "date: reason" for each day that gave nothing. */
  public record Summary(int days, int changed, List<String> failures) {}

  private final TickerFetcher fetcher;
  private final QuoteSource cbr;
  private final Duration pause;

  public CbrBackfill(TickerFetcher fetcher, QuoteSource cbr, Duration pause) {
    this.fetcher = fetcher;
    this.cbr = cbr;
    this.pause = pause;
  }

  /** Fetches every date from {@code from} to {@code to}, inclusive, telling {@code done} each. */
  public Summary run(LocalDate from, LocalDate to, Consumer<LocalDate> done)
      throws InterruptedException {
    int changed = 0;
    List<String> failures = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (!day.equals(from)) {
        Thread.sleep(pause);
      }
      TickerFetcher.Outcome outcome = fetcher.fetch(cbr, day);
      changed += outcome.changed();
      if (outcome.failed()) {
        failures.add(day + ": " + String.join("; ", outcome.problems()));
      }
      done.accept(day);
    }
    return new Summary((int) (to.toEpochDay() - from.toEpochDay() + 1), changed, failures);
  }
}
