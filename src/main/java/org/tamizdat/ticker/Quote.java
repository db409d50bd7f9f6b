package org.tamizdat.ticker;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One instrument's value for one market day, as stored in {@code ticker_quote}, with the source it
 * came from. Both sources publish in Moscow time, so a quote's day is a Moscow date and is stored
 * as the instant that day starts there.
 */
public record Quote(String code, Instant asOf, BigDecimal value, String source) {
  public static final ZoneId MARKET_ZONE = ZoneId.of("Europe/Moscow");

  public static Quote onDay(String code, LocalDate day, BigDecimal value, String source) {
    return new Quote(code, day.atStartOfDay(MARKET_ZONE).toInstant(), value, source);
  }

  /** Today's date where the markets are. */
  public static LocalDate marketToday(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), MARKET_ZONE);
  }

  public LocalDate day() {
    return LocalDate.ofInstant(asOf, MARKET_ZONE);
  }
}
