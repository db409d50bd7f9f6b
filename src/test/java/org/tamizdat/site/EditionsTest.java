package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;

class EditionsTest {
  @Test
  void picksTheHighestQualityKnownLanguage() {
    assertEquals(Language.RU, Editions.preferred("ru"));
    assertEquals(Language.RU, Editions.preferred("uk-UA, ru;q=0.8, en;q=0.6"));
    assertEquals(Language.EN, Editions.preferred("ru;q=0.2, en-GB;q=0.9"));
    assertEquals(Language.EN, Editions.preferred(""));
    assertEquals(Language.EN, Editions.preferred("de, fr"));
    assertEquals(Language.EN, Editions.preferred("ru;q=abc, en"));
    assertEquals(Language.EN, Editions.preferred(";;;,,,q=1"));
  }
}
