package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The newsletter's settings: defaults, parsing, and errors that name the setting. */
class NewsletterSettingsTest {
  static NewsletterSettings load(Map<String, String> env) {
    return ConfigLoader.load(env, Optional.empty()).newsletter();
  }

  static String error(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(env, Optional.empty()))
        .getMessage();
  }

  @Test
  void digestsGoOutOnMondayMorningUnlessSetOtherwise() {
    NewsletterSettings defaults = load(Map.of());
    assertEquals(Optional.of(WeeklySlot.parse("MON 09:00")), defaults.scheduleEn());
    NewsletterSettings set =
        load(
            Map.of(
                "TAMIZDAT_DIGEST_SCHEDULE_EN", "off", "TAMIZDAT_DIGEST_SCHEDULE_RU", "sat 18:30"));
    assertEquals(Optional.empty(), set.scheduleEn());
    assertEquals(Optional.of(WeeklySlot.parse("SAT 18:30")), set.scheduleRu());
    String message = error(Map.of("TAMIZDAT_DIGEST_SCHEDULE_RU", "someday"));
    assertTrue(message.contains("TAMIZDAT_DIGEST_SCHEDULE_RU: must be a day and a time"), message);
  }
}
