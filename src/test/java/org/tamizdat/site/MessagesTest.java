package org.tamizdat.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;

class MessagesTest {
  final Messages messages = new Messages();

  @Test
  void bothEditionsHaveEveryString() {
    assertEquals(
        messages.raw(Language.EN).stringPropertyNames(),
        messages.raw(Language.RU).stringPropertyNames());
  }

  @Test
  void russianStringsAreRussianAndFormatKeepsQuotes() {
    assertEquals("День 1436", messages.format(Language.RU, "day.counter", "1436"));
    assertEquals("Материалы с тегом «Суды»", messages.format(Language.RU, "tag.title", "Суды"));
    assertNotEquals(
        messages.get(Language.EN, "outdated.text"), messages.get(Language.RU, "outdated.text"));
  }
}
