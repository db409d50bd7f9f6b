package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Тюрьмы и лагеря | tyurmy-i-lagerya",
        "Ёлка | yolka",
        "Жизнь в Хабаровске | zhizn-v-khabarovske",
        "Щи, цирк и чай | shchi-tsirk-i-chay",
        "Подъезд, объём, тень | podezd-obyom-ten",
        "Юность. Язык. Эхо | yunost-yazyk-ekho",
        "Майский выпуск №5 | mayskiy-vypusk-5",
        "«Мемориал» — 35 лет | memorial-35-let",
        "Київ і Львів | kiyiv-i-lviv",
      })
  void transliteratesCyrillic(String title, String slug) {
    assertEquals(slug, Slugs.slugify(title));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Hello, World! | hello-world",
        "  Exiles: what's next?  | exiles-whats-next",
        "The reporters’ notebook (part 2) | the-reporters-notebook-part-2",
        "C'est la vie à Genève | cest-la-vie-a-geneve",
        "Straße über Łódź | strasse-uber-lodz",
        "1990-1995: the years | 1990-1995-the-years",
        "--multiple---hyphens-- | multiple-hyphens",
        "Emoji 🚀 launch | emoji-launch",
      })
  void foldsLatinAndPunctuation(String title, String slug) {
    assertEquals(slug, Slugs.slugify(title));
  }

  @Test
  void longTitlesAreCutAtAWordBoundary() {
    String title =
        "The long and winding report about censorship, exile and independent newsrooms"
            + " across the region";
    String slug = Slugs.slugify(title);
    assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
    assertEquals(
        "the-long-and-winding-report-about-censorship-exile-and-independent-newsrooms", slug);
    assertTrue(Slugs.isValid(slug));
  }

  @Test
  void cutsBeforeAWordThatCrossesTheLimitButKeepsOneEndingOnIt() {
    // The 80th character falls inside "bc", so the slug ends before it.
    assertEquals("a".repeat(78), Slugs.slugify("a".repeat(78) + " bc de"));
    String exact = "a".repeat(80) + " tail";
    assertEquals("a".repeat(80), Slugs.slugify(exact));
  }

  @Test
  void singleHugeWordIsCutHard() {
    String slug = Slugs.slugify("x " + "y".repeat(200));
    assertEquals(Slugs.MAX_LENGTH, slug.length());
    assertTrue(Slugs.isValid(slug));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "!!! — ???", "«»", "北京", "🚀🚀"})
  void textWithoutUsableLettersIsRejected(String title) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Slugs.slugify(title));
    assertTrue(e.getMessage().contains("no letters or digits"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "tyurmy-i-lagerya", "2024", "x-1-y"})
  void validSlugs(String slug) {
    assertTrue(Slugs.isValid(slug));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "a-", "a--b", "Upper", "ё", "a b", "a_b", "a.b"})
  void invalidSlugs(String slug) {
    assertFalse(Slugs.isValid(slug));
  }

  @Test
  void tooLongAndNullSlugsAreInvalid() {
    assertFalse(Slugs.isValid("a".repeat(81)));
    assertTrue(Slugs.isValid("a".repeat(80)));
    assertFalse(Slugs.isValid(null));
  }

  @Test
  void everySlugifiedTitleIsValid() {
    for (String title :
        new String[] {"Тюрьмы и лагеря", "Ёлка", "Hello, World!", "é".repeat(300)}) {
      assertTrue(Slugs.isValid(Slugs.slugify(title)), title);
    }
  }
}
