package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;
import org.tamizdat.config.WeeklySlot;
import org.tamizdat.newsletter.DigestSchedule.Outcome;

/** The weekly slot, on each engine, with a clock the test moves. */
abstract class DigestScheduleContract extends DigestTestBase {
  // Monday 2026-11-30 09:00 in Riga (UTC+2) is 07:00 UTC; NOW is the Wednesday before.
  static final Instant SLOT = Instant.parse("2026-11-30T07:00:00Z");
  DigestSchedule schedule;

  @BeforeEach
  void schedule() {
    WeeklySlot monday = new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0));
    schedule =
        new DigestSchedule(
            database,
            digests,
            new DigestSlots(),
            Map.of(Language.EN, monday, Language.RU, monday),
            ZONE,
            clock);
  }

  @Test
  void theSlotQueuesTheWeekBeforeItOnceAndAnotherNodeFindsItHandled() {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(1)));
    active("a@example.org", Language.EN);
    active("b@example.org", Language.EN);
    clock.set(SLOT.minusSeconds(60));
    assertEquals(Outcome.MISSED, schedule.tick(Language.EN), "last week's slot is long past");
    clock.set(SLOT.plus(Duration.ofHours(3))); // a late tick still sends that week
    publish(Language.EN, "monday", "Monday's story", SLOT.plusSeconds(60));
    assertEquals(Outcome.QUEUED, schedule.tick(Language.EN));
    assertEquals(Outcome.NOT_DUE, schedule.tick(Language.EN));
    DigestSchedule otherNode =
        new DigestSchedule(
            database,
            digests,
            new DigestSlots(),
            Map.of(Language.EN, new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0))),
            ZONE,
            clock);
    assertEquals(Outcome.NOT_DUE, otherNode.tick(Language.EN));
    long digest =
        database.read(h -> h.createQuery("SELECT id FROM digest").mapTo(Long.class).one());
    assertEquals(Map.of("queued", 2), outbox.counts(digest));
    String subject =
        database.read(h -> h.createQuery("SELECT subject FROM digest").mapTo(String.class).one());
    assertEquals("Lantern: the week from November 23", subject, "Mon 23 to Sun 29, not Monday's");
  }

  @Test
  void anEmptyWeekQueuesNothingAndIsRecordedOnce() {
    clock.set(SLOT);
    assertEquals(Outcome.EMPTY, schedule.tick(Language.RU));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(Outcome.NOT_DUE, schedule.tick(Language.RU));
    int digests =
        database.read(h -> h.createQuery("SELECT COUNT(*) FROM digest").mapTo(Integer.class).one());
    assertEquals(0, digests);
  }

  @Test
  void aSlotMoreThanADayLateIsSkipped() {
    publish(Language.EN, "story", "Story", NOW);
    active("a@example.org", Language.EN);
    clock.set(SLOT.plus(DigestSchedule.CATCH_UP).plusSeconds(1));
    assertEquals(Outcome.MISSED, schedule.tick(Language.EN));
    assertEquals(Outcome.NOT_DUE, schedule.tick(Language.EN));
  }
}
