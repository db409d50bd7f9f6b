package org.tamizdat.ticker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.tamizdat.config.DayCounterEdition;

/**
 * "Day N since date D": the start date is day 1. Computed in the newsroom's time zone, so the
 * number turns over at the newsroom's midnight, not the server's. Each edition has its own, as an
 * edition may count from its own date and say it in its own words.
 */
public final class DayCounter {
  private final Supplier<DayCounterEdition> edition;
  private final ZoneId zone;
  private final Clock clock;

  /**
   * @param label a phrase with {@code {days}} where the number goes; empty for the default wording
   */
  public DayCounter(Optional<LocalDate> start, Optional<String> label, ZoneId zone, Clock clock) {
    this(() -> new DayCounterEdition(start, label), zone, clock);
  }

  /** A counter editors may change at run time: {@code edition} is asked on every use. */
  public DayCounter(Supplier<DayCounterEdition> edition, ZoneId zone, Clock clock) {
    this.edition = edition;
    this.zone = zone;
    this.clock = clock;
  }

  /** Empty when no start is configured or the start is still in the future. */
  public OptionalLong today() {
    Optional<LocalDate> start = edition.get().start();
    if (start.isEmpty()) {
      return OptionalLong.empty();
    }
    long days = ChronoUnit.DAYS.between(start.get(), LocalDate.now(clock.withZone(zone))) + 1;
    return days >= 1 ? OptionalLong.of(days) : OptionalLong.empty();
  }

  public Optional<LocalDate> start() {
    return edition.get().start();
  }

  /** The configured phrase with today's number in it, if there is a phrase and a number. */
  public Optional<String> labelled() {
    OptionalLong day = today();
    return day.isEmpty()
        ? Optional.empty()
        : edition
            .get()
            .label()
            .map(l -> l.replace(DayCounterEdition.PLACEHOLDER, String.valueOf(day.getAsLong())));
  }

  /** Milliseconds until the number next changes, for scheduling a cache refresh. */
  public long millisUntilNextDay() {
    var now = clock.instant().atZone(zone);
    var midnight = now.toLocalDate().plusDays(1).atStartOfDay(zone);
    return Math.max(1, ChronoUnit.MILLIS.between(now, midnight));
  }
}
