package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.tamizdat.testing.Fuzzing;

/**
 * Fuzzes the way text becomes reader HTML. In CI the inputs under
 * src/test/resources/org/tamizdat/article/MarkupFuzzTestInputs are replayed; {@code bench/fuzz.sh}
 * fuzzes (JAZZER_FUZZ=1). Inputs are raw UTF-8 files; an odd length picks the Russian edition.
 */
class MarkupFuzzTest {
  @BeforeAll
  static void quietReplay() {
    Fuzzing.instrumentOnlyWhenFuzzing();
  }

  private static final BodyRenderer RENDERER = new BodyRenderer();

  @FuzzTest(maxDuration = "10s")
  void sanitizedHtmlRunsNothing(byte[] input) {
    String html = new String(input, StandardCharsets.UTF_8);
    assertEquals(List.of(), SafeHtml.problems(HtmlPolicy.sanitize(html)), html);
  }

  @FuzzTest(maxDuration = "10s")
  void markdownBodiesRenderToSafeHtml(byte[] input) {
    Language lang = input.length % 2 == 0 ? Language.EN : Language.RU;
    String markdown = new String(input, StandardCharsets.UTF_8);
    String html = RENDERER.render(lang, markdown);
    assertNotNull(html);
    assertEquals(List.of(), SafeHtml.problems(html), markdown);
  }

  @FuzzTest(maxDuration = "5s")
  void typographyKeepsTheText(byte[] input) {
    Language lang = input.length % 2 == 0 ? Language.EN : Language.RU;
    String text = new String(input, StandardCharsets.UTF_8);
    String typeset = Typography.apply(lang, text);
    assertNotNull(typeset);
    // Typography changes punctuation and spaces, never letters or digits.
    assertEquals(lettersAndDigits(text), lettersAndDigits(typeset), text);
  }

  private static String lettersAndDigits(String s) {
    return s.codePoints()
        .filter(Character::isLetterOrDigit)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
