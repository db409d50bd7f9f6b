package org.tamizdat.ticker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * "Day N since date D": the start date is day 1. Computed in the newsroom's time zone, so the
 * number turns over at the newsroom's midnight, not the server's.
 */
public final class DayCounter {
  private final Optional<LocalDate> start;
  private final ZoneId zone;
  private final Clock clock;

  public DayCounter(Optional<LocalDate> start, ZoneId zone, Clock clock) {
    this.start = start;
    this.zone = zone;
    this.clock = clock;
  }

  /** Empty when no start is configured or the start is still in the future. */
  public OptionalLong today() {
    if (start.isEmpty()) {
      return OptionalLong.empty();
    }
    long days = ChronoUnit.DAYS.between(start.get(), LocalDate.now(clock.withZone(zone))) + 1;
    return days >= 1 ? OptionalLong.of(days) : OptionalLong.empty();
  }

  public Optional<LocalDate> start() {
    return start;
  }

  /** Milliseconds until the number next changes, for scheduling a cache refresh. */
  public long millisUntilNextDay() {
    var now = clock.instant().atZone(zone);
    var midnight = now.toLocalDate().plusDays(1).atStartOfDay(zone);
    return Math.max(1, ChronoUnit.MILLIS.between(now, midnight));
  }
}
