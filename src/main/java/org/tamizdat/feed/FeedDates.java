package org.tamizdat.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Dates as feeds and sitemaps spell them. */
final class FeedDates {
  private FeedDates() {}

  /** RFC 3339, for Atom, JSON Feed, sitemaps and JSON-LD: {@code 2026-11-18T09:00:00Z}. */
  static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** RFC 822 as RSS 2.0 wants it: {@code Wed, 18 Nov 2026 09:00:00 GMT}. */
  static String rfc822(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
