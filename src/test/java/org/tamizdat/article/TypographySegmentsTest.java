package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs of several segments, opaque segments and idempotence of {@link Typography}. */
class TypographySegmentsTest {
  private static final String NBSP = "\u00A0";

  private static List<String> segments(String... parts) {
    return Arrays.asList(parts);
  }

  @Test
  void russianQuotePairsAcrossSegments() {
    List<String> out =
        Typography.applySegments(Language.RU, segments("Он хвалил ", "\"Утро", " газеты\" вслух"));
    assertEquals(segments("Он хвалил ", "«Утро", " газеты» вслух"), out);
  }

  @Test
  void russianNestingAcrossSegments() {
    List<String> out =
        Typography.applySegments(
            Language.RU, segments("\"Он читал ", "\"Вечер", "\"", " весь день\""));
    assertEquals(segments("«Он читал ", "„Вечер", "“", " весь день»"), out);
  }

  @Test
  void englishQuoteClosedInLaterSegment() {
    List<String> out =
        Typography.applySegments(Language.EN, segments("She said \"run ", "now", "\" and left"));
    assertEquals(segments("She said “run ", "now", "” and left"), out);
  }

  @Test
  void opaqueSegmentIsReturnedAsNullAndCountsAsWord() {
    List<String> out =
        Typography.applySegments(
            Language.EN, segments("Run ", null, "'s output is \"", null, "\""));
    assertEquals(segments("Run ", null, "’s output is “", null, "”"), out);
  }

  @Test
  void quoteRightAfterOpaqueSegmentCloses() {
    List<String> out = Typography.applySegments(Language.RU, segments("Ввод \"", null, "\" готов"));
    assertEquals(segments("Ввод «", null, "» готов"), out);
  }

  @Test
  void shortWordBeforeOpaqueSegmentGetsNonBreakingSpace() {
    List<String> out = Typography.applySegments(Language.RU, segments("Смотри в ", null));
    assertEquals(segments("Смотри в" + NBSP, null), out);
  }

  @Test
  void dashSpreadOverSegmentsKeepsEachPieceInItsSegment() {
    List<String> out = Typography.applySegments(Language.EN, segments("word ", "--", " next"));
    assertEquals(segments("word" + NBSP, "—", " next"), out);
  }

  @Test
  void emptySegmentsStayEmptyAndSizeIsKept() {
    List<String> out = Typography.applySegments(Language.EN, segments("", "\"a\"", ""));
    assertEquals(segments("", "“a”", ""), out);
  }

  @Test
  void urlSplitOverSegmentsIsUntouched() {
    List<String> in = segments("see https://example.org/", "a--b", "?q='1' now");
    assertEquals(in, Typography.applySegments(Language.EN, in));
  }

  @Test
  void emptyTextStaysEmpty() {
    assertEquals("", Typography.apply(Language.RU, ""));
  }

  @Test
  void nullTextIsRejected() {
    assertThrows(NullPointerException.class, () -> Typography.apply(Language.EN, null));
  }

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(Language.RU, "Он сказал: \"Газета \"Вечер\" - и всё...\" Да же"),
        Arguments.of(Language.RU, "«Уже „готово“» — да, в 1990-1995 и не только"),
        Arguments.of(Language.RU, "О'Нил -- в https://example.org/a--b?x='1' и на a@b.org"),
        Arguments.of(Language.RU, "\"\"Ветер\" уехал\", -- сказал он"),
        Arguments.of(Language.EN, "\"Don't,\" said the reporters' editor -- in the '90s..."),
        Arguments.of(Language.EN, "rock 'n' roll, well--known, 'single' and \"double\""),
        Arguments.of(Language.EN, "see https://example.org/a--b?x='1' -- ok"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void applyingTwiceChangesNothing(Language lang, String text) {
    String once = Typography.apply(lang, text);
    assertEquals(once, Typography.apply(lang, once));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void noStraightDoubleQuoteSurvivesOutsideUrls(Language lang, String text) {
    String typeset = Typography.apply(lang, text);
    assertEquals(-1, typeset.indexOf('"'), typeset);
  }
}
