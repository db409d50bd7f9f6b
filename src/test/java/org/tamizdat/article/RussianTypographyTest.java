package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Russian rules of {@link Typography}. In expectations and inputs, {@code ~} stands for U+00A0. */
class RussianTypographyTest {

  private static void assertTypeset(String expected, String input) {
    String actual = Typography.apply(Language.RU, input.replace('~', '\u00A0'));
    assertEquals(expected.replace('~', '\u00A0'), actual, () -> "input: " + input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "«Полярная звезда» закрылась | \"Полярная звезда\" закрылась",
        "Газета «Утро» вышла | Газета \"Утро\" вышла",
        "(см. «Правила») | (см. \"Правила\")",
        "«Ну…» | \"Ну...\"",
        "«Да!»~— ответил он | \"Да!\" — ответил он",
        "«Почему?» | \"Почему?\"",
      })
  void straightQuotesBecomeGuillemets(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Он написал: «Газета „Вечер“ закрыта» | Он написал: \"Газета \"Вечер\" закрыта\"",
        "«„Ветер“ уехал»,~— сказал он | \"\"Ветер\" уехал\", - сказал он",
        "«Театр „Луч“» | \"Театр \"Луч\"\"",
        "«Он сказал: „нет“.» | \"Он сказал: \"нет\".\"",
        "«Он сказал „да“» | «Он сказал \"да\"»",
        "«Три „уровня «глубины»“» | \"Три \"уровня «глубины»\"\"",
      })
  void nestedQuotesBecomeLowNineQuotes(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "О’Нил приехал | О'Нил приехал",
        "д’Артаньян | д'Артаньян",
        // Russian has no single quotes: one outside a word is left alone.
        "'тест' | 'тест'",
      })
  void apostropheInsideWordBecomesTypographic(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Москва~— столица | Москва - столица",
        "Москва~— столица | Москва -- столица",
        "Москва~— столица | Москва — столица",
        "Москва~— столица | Москва  -  столица",
        "Москва~— столица | Москва~— столица",
        "север—юг | север--юг",
        "1990-1995 | 1990-1995",
        "кто-то пришёл | кто-то пришёл",
        "- Привет | - Привет",
        "Конец… | Конец...",
        "Стоп.... | Стоп....",
      })
  void dashesAndEllipses(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Он пришёл в~дом и~сел на~стул | Он пришёл в дом и сел на стул",
        "В~доме | В доме",
        "И~в~доме | И в доме",
        "НО~ПОЧЕМУ | НО ПОЧЕМУ",
        "Из-за~угла | Из-за угла",
        "для~нас без~них | для нас без них",
        "в~1991 году | в 1991 году",
        "Она пришла домой | Она пришла домой",
        "Вода ушла | Вода ушла",
      })
  void noBreakAfterShortWords(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Он~же сказал | Он же сказал",
        "Знал~ли он | Знал ли он",
        "Я~бы пошёл | Я бы пошёл",
        "Что~же делать | Что же делать",
        "Она ест желе | Она ест желе",
        "В~саду лилии | В саду лилии",
      })
  void noBreakBeforeParticles(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Читайте https://example.org/a--b?x='1' и~«это» "
            + "| Читайте https://example.org/a--b?x='1' и \"это\"",
        "Пишите на~ivan.petrov@example.org~— ответим "
            + "| Пишите на ivan.petrov@example.org - ответим",
        "Сайт www.example.org/и-в/a...b работает | Сайт www.example.org/и-в/a...b работает",
        "«https://example.org/путь» | \"https://example.org/путь\"",
      })
  void urlsAndEmailsPassThroughUnchanged(String expected, String input) {
    assertTypeset(expected, input);
  }
}
