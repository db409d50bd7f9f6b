package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** English rules of {@link Typography}. In expectations and inputs, {@code ~} stands for U+00A0. */
class EnglishTypographyTest {

  private static void assertTypeset(String expected, String input) {
    String actual = Typography.apply(Language.EN, input.replace('~', '\u00A0'));
    assertEquals(expected.replace('~', '\u00A0'), actual, () -> "input: " + input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "“Go home,” she said. | \"Go home,\" she said.",
        "He called it “a lie” | He called it \"a lie\"",
        "(“Night Train”) | (\"Night Train\")",
        "“Why?” | \"Why?\"",
        "“She said ‘never’ twice.” | \"She said 'never' twice.\"",
        "‘Fine,’ he said | 'Fine,' he said",
        "Already “curly” and ‘fine’ | Already “curly” and ‘fine’",
      })
  void straightQuotesBecomeCurly(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "don’t | don't",
        "Kremneva’s notebook | Kremneva's notebook",
        "rock’n’roll | rock'n'roll",
        "rock ’n’ roll | rock 'n' roll",
        "the reporters’ notes | the reporters' notes",
        "back in the ’90s | back in the '90s",
        "’90s music | '90s music",
        "tell ’em | tell 'em",
        "‘1990 was hard’ | '1990 was hard'",
      })
  void apostrophes(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Riga~— then Vilnius | Riga - then Vilnius",
        "Riga~— then Vilnius | Riga -- then Vilnius",
        "Riga~— then Vilnius | Riga — then Vilnius",
        "it was~— “finally”~— over | it was -- \"finally\" -- over",
        "well—known | well--known",
        "1990-1995 | 1990-1995",
        "pages 10--12 | pages 10--12",
        "a well-known fact | a well-known fact",
        "Wait… what | Wait... what",
      })
  void dashesAndEllipses(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "see https://example.org/a--b?x='1' | see https://example.org/a--b?x='1'",
        "see https://example.org/a--b?x='1', then | see https://example.org/a--b?x='1', then",
        "‘https://example.org/x’ is down | 'https://example.org/x' is down",
        "“http://example.org/it's” | \"http://example.org/it's\"",
        "Write to o'neil@example.org~— today | Write to o'neil@example.org - today",
        "Go to www.example.org/a...b now | Go to www.example.org/a...b now",
        "‘desk@example.org’ | 'desk@example.org'",
      })
  void urlsAndEmailsPassThroughUnchanged(String expected, String input) {
    assertTypeset(expected, input);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {"in a house and on a chair | in a house and on a chair"})
  void noRussianNonBreakingSpaces(String expected, String input) {
    assertTypeset(expected, input);
  }
}
