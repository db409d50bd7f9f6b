package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeeklySlotTest {
  static final ZoneId RIGA = ZoneId.of("Europe/Riga");

  @Test
  void parsesShortAndLongDayNames() {
    assertEquals(
        new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0)), WeeklySlot.parse("MON 09:00"));
    assertEquals(
        new WeeklySlot(DayOfWeek.FRIDAY, LocalTime.of(7, 30)), WeeklySlot.parse(" friday  7:30 "));
    for (String bad : new String[] {"MO 09:00", "MON", "MON 25:00", "XYZ 09:00", "MON 9"}) {
      assertThrows(IllegalArgumentException.class, () -> WeeklySlot.parse(bad), bad);
    }
  }

  @Test
  void latestOccurrenceIsInTheNewsroomsZone() {
    WeeklySlot slot = WeeklySlot.parse("MON 09:00");
    Instant monday = Instant.parse("2026-11-30T07:00:00Z");
    assertEquals(monday, slot.latestAtOrBefore(monday, RIGA));
    assertEquals(
        monday.minusSeconds(7 * 86400), slot.latestAtOrBefore(monday.minusMillis(1), RIGA));
    // Summer time: 09:00 in Riga is 06:00 UTC.
    assertEquals(
        Instant.parse("2026-06-29T06:00:00Z"),
        slot.latestAtOrBefore(Instant.parse("2026-07-01T12:00:00Z"), RIGA));
  }
}
