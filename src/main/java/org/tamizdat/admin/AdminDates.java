package org.tamizdat.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Times in the admin: shown in the newsroom's zone, typed in a zone the editor picks. */
public final class AdminDates {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final ZoneId zone;

  public AdminDates(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** "2026-11-25 14:30" in the newsroom's zone; "" for none. */
  public String show(Instant instant) {
    return instant == null ? "" : SHOWN.format(instant.atZone(zone));
  }

  /** The value of a {@code datetime-local} field for this instant in the newsroom's zone. */
  public String field(Instant instant) {
    return FIELD.format(instant.atZone(zone));
  }

  /** The public address of an article published at {@code at} (as the site's {@code Urls}). */
  public String articlePath(String lang, Instant at, String slug) {
    java.time.LocalDate day = at.atZone(zone).toLocalDate();
    return String.format(
        "/%s/%04d/%02d/%02d/%s",
        lang, day.getYear(), day.getMonthValue(), day.getDayOfMonth(), slug);
  }

  /** Zones offered next to the schedule field: the newsroom's first. */
  public List<String> zones() {
    return java.util.stream.Stream.of(
            zone.getId(), "UTC", "Europe/Moscow", "Europe/Riga", "Europe/Berlin", "Asia/Tbilisi")
        .distinct()
        .toList();
  }

  /** Parses a {@code datetime-local} value in {@code zoneId}; a clear message when it cannot. */
  public static Instant parse(String local, String zoneId) {
    ZoneId in;
    try {
      in = ZoneId.of(zoneId.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + zoneId + "'");
    }
    try {
      return LocalDateTime.parse(local.strip()).atZone(in).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the publication time must look like 2026-11-25T14:30, got '" + local + "'");
    }
  }
}
