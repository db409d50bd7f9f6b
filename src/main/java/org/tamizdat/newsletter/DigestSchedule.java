package org.tamizdat.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.Language;
import org.tamizdat.config.WeeklySlot;
import org.tamizdat.db.Database;

/**
 * Queues each edition's digest at its weekly slot. A job calls {@link #tick} often (every minute);
 * the first tick at or after the slot queues the digest and records the slot, later ticks see it
 * recorded. The job's lease keeps two nodes from ticking at once, and the recorded slot keeps a
 * restart from queueing, or logging, the same week again.
 */
public final class DigestSchedule {
  /** A node that was down longer than this after a slot skips it: week-old news is no digest. */
  static final Duration CATCH_UP = Duration.ofHours(24);

  private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

  /** What a tick did. */
  public enum Outcome {
    NOT_DUE,
    QUEUED,
    EMPTY,
    MISSED
  }

  private final Database database;
  private final Digests digests;
  private final DigestSlots slots;
  private final Map<Language, WeeklySlot> schedule;
  private final ZoneId zone;
  private final Clock clock;

  public DigestSchedule(
      Database database,
      Digests digests,
      DigestSlots slots,
      Map<Language, WeeklySlot> schedule,
      ZoneId zone,
      Clock clock) {
    this.database = database;
    this.digests = digests;
    this.slots = slots;
    this.schedule = Map.copyOf(schedule);
    this.zone = zone;
    this.clock = clock;
  }

  public Outcome tick(Language lang) {
    WeeklySlot slot = schedule.get(lang);
    Instant now = clock.instant();
    long at = slot.latestAtOrBefore(now, zone).toEpochMilli();
    if (database.read(h -> slots.handled(h, lang, at))) {
      return Outcome.NOT_DUE;
    }
    if (now.toEpochMilli() - at > CATCH_UP.toMillis()) {
      return record(lang, at, Outcome.MISSED);
    }
    LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(at), zone);
    Optional<DigestContent> content = digests.build(lang, Optional.empty(), day);
    if (content.isEmpty()) {
      return record(lang, at, Outcome.EMPTY);
    }
    Outcome outcome =
        database.write(h -> {
          if (slots.handled(h, lang, at)) {
            return Outcome.NOT_DUE;
          }
          Digests.Queued queued = digests.store(h, content.get());
          slots.record(h, lang, at, "queued", queued.digestId(), clock.millis());
          log.info(
              "{} digest {} queued for {} subscribers",
              lang.code(),
              queued.digestId(),
              queued.added());
          return Outcome.QUEUED;
        });
    return outcome;
  }

  private Outcome record(Language lang, long at, Outcome outcome) {
    String name = outcome.name().toLowerCase(java.util.Locale.ROOT);
    boolean first = database.write(h -> slots.record(h, lang, at, name, null, clock.millis()));
    if (first && outcome == Outcome.EMPTY) {
      log.info(
          "{} digest of {}: no articles that week, no digest",
          lang.code(),
          Instant.ofEpochMilli(at));
    } else if (first) {
      log.warn(
          "{} digest of {} skipped: more than {} late",
          lang.code(),
          Instant.ofEpochMilli(at),
          CATCH_UP);
    }
    return first ? outcome : Outcome.NOT_DUE;
  }
}
