package org.tamizdat.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.tamizdat.article.Language;

/** Dates as each edition writes them: "November 25, 2026" and «25 ноября 2026». */
public final class Dates {
  private final Map<Language, DateTimeFormatter> day = new EnumMap<>(Language.class);
  private final Map<Language, DateTimeFormatter> dayTime = new EnumMap<>(Language.class);

  public Dates(ZoneId zone) {
    day.put(
        Language.EN,
        DateTimeFormatter.ofPattern("MMMM d, yyyy", Language.EN.locale()).withZone(zone));
    day.put(
        Language.RU,
        DateTimeFormatter.ofPattern("d MMMM yyyy", Language.RU.locale()).withZone(zone));
    dayTime.put(
        Language.EN,
        DateTimeFormatter.ofPattern("MMMM d, yyyy, HH:mm", Language.EN.locale()).withZone(zone));
    dayTime.put(
        Language.RU,
        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Language.RU.locale()).withZone(zone));
  }

  public String day(Language lang, Instant instant) {
    return day.get(lang).format(instant);
  }

  /** A calendar date (no instant, so no zone shifts it), e.g. a market day. */
  public String date(Language lang, LocalDate date) {
    return day.get(lang).format(date);
  }

  public String dayTime(Language lang, Instant instant) {
    return dayTime.get(lang).format(instant);
  }

  /** For {@code <time datetime>}: an ISO instant, machine-readable in any language. */
  public static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(
        instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}
