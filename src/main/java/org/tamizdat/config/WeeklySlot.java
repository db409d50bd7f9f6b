package org.tamizdat.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/** A weekly moment in the newsroom's zone, such as {@code MON 09:00}: when a digest goes out. */
public record WeeklySlot(DayOfWeek day, LocalTime time) {

  /** {@code MON 09:00} or {@code monday 9:00}; the day in English, the time on a 24-hour clock. */
  public static WeeklySlot parse(String raw) {
    String[] parts = raw.strip().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("must be a day and a time like MON 09:00, or off");
    }
    String name = parts[0].toUpperCase(Locale.ROOT);
    DayOfWeek day =
        Arrays.stream(DayOfWeek.values())
            .filter(d -> name.length() >= 3 && d.name().startsWith(name))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("must start with a day like MON or monday"));
    try {
      String time = parts[1].length() == 4 ? "0" + parts[1] : parts[1];
      return new WeeklySlot(day, LocalTime.parse(time));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must end with a time like 09:00");
    }
  }

  /**
   * The latest occurrence at or before {@code now}. A time that a DST change skips moves forward by
   * the gap, as {@link java.time.ZonedDateTime#of} does.
   */
  public Instant latestAtOrBefore(Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate date = today.with(TemporalAdjusters.previousOrSame(day));
    Instant at = date.atTime(time).atZone(zone).toInstant();
    return at.isAfter(now) ? date.minusWeeks(1).atTime(time).atZone(zone).toInstant() : at;
  }

  @Override
  public String toString() {
    return day.name().substring(0, 3) + " " + time;
  }
}
