package org.tamizdat.ticker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fetches a source and stores what passes the checks every source gets: a positive value and a day
 * no later than tomorrow (CBR publishes the next working day's rates in the afternoon). Never
 * throws: a failure is an {@link Outcome} and a line in the {@link FetchLog}, and the last good
 * value stays.
 */
public final class TickerFetcher {
  /** What one fetch did; {@code failed()} when nothing usable came back. */
  public record Outcome(String source, int received, int changed, List<String> problems) {
    public boolean failed() {
      return received == 0 && !problems.isEmpty();
    }
  }

  private final TickerRepository repository;
  private final FetchLog log;
  private final Runnable onChange;
  private final Consumer<Outcome> recorder;
  private final Clock clock;

  /**
   * @param onChange told after new values were stored, so this node's cache reacts at once
   */
  public TickerFetcher(TickerRepository repository, FetchLog log, Runnable onChange, Clock clock) {
    this(repository, log, onChange, outcome -> {}, clock);
  }

  /**
   * @param recorder told every outcome (the admin's ticker status page); must not throw
   */
  public TickerFetcher(
      TickerRepository repository,
      FetchLog log,
      Runnable onChange,
      Consumer<Outcome> recorder,
      Clock clock) {
    this.repository = repository;
    this.log = log;
    this.onChange = onChange;
    this.recorder = recorder;
    this.clock = clock;
  }

  public Outcome fetch(QuoteSource source) {
    return fetch(source, Quote.marketToday(clock));
  }

  public Outcome fetch(QuoteSource source, LocalDate day) {
    List<String> problems = new ArrayList<>();
    List<Quote> good = new ArrayList<>();
    try {
      QuoteSource.Fetched fetched = source.fetch(day);
      problems.addAll(fetched.problems());
      for (Quote quote : fetched.quotes()) {
        check(quote).ifPresentOrElse(problems::add, () -> good.add(quote));
      }
    } catch (UpstreamProblem e) {
      problems.add(e.reason());
    } catch (RuntimeException e) {
      problems.add("unexpected " + e);
    }
    int changed = 0;
    if (!good.isEmpty()) {
      try {
        changed = repository.record(good);
      } catch (RuntimeException e) {
        problems.add("cannot store: " + e.getMessage());
      }
    }
    if (changed > 0) {
      onChange.run();
    }
    log.report(source.name(), problems);
    Outcome outcome = new Outcome(source.name(), good.size(), changed, List.copyOf(problems));
    recorder.accept(outcome);
    return outcome;
  }

  private Optional<String> check(Quote quote) {
    if (quote.value().signum() <= 0) {
      return Optional.of(quote.code() + ": value must be positive, got " + quote.value());
    }
    LocalDate latestAllowed = Quote.marketToday(clock).plusDays(1);
    if (quote.day().isAfter(latestAllowed)) {
      return Optional.of(quote.code() + ": date " + quote.day() + " is in the future");
    }
    return Optional.empty();
  }
}
