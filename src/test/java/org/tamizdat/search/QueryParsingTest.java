package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a reader types becomes a query (possibly one that matches nothing), never an error. */
class QueryParsingTest {
  final ForgivingQueryParser parser = new ForgivingQueryParser(new SearchAnalyzer());

  Query parse(String raw) {
    return parser.parse(UserQuery.of(raw));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unbalanced",
        "unbalanced\"",
        "\"\"\"",
        "AND",
        "OR",
        "NOT",
        "+",
        "-",
        "--",
        "- + | ~ * ?",
        "*",
        "?",
        "*leading",
        "?leading",
        "((( unbalanced",
        "a ) b ]",
        "field:value",
        "title:\"x\"^10",
        "word~",
        "\\",
        "\\\"",
        "/regex.*/",
        "[a TO z]",
        "{!local params}",
        "\u0000\u0001\u001f\u007f",
        "\u200b\u200e\u202e",
        "\ud800",
        "😀 эмодзи",
      })
  void oddInputNeverFails(String raw) {
    assertDoesNotThrow(() -> parse(raw));
  }

  @Test
  void emptyAndBlankQueriesMatchNothing() {
    assertInstanceOf(MatchNoDocsQuery.class, parse(""));
    assertInstanceOf(MatchNoDocsQuery.class, parse("   \t\n"));
    assertTrue(UserQuery.of(" \u0000 ").isEmpty());
  }

  @Test
  void longQueriesAreCutWithoutSplittingACharacter() {
    UserQuery tenKb = UserQuery.of("слово ".repeat(2000));
    assertEquals(UserQuery.MAX_LENGTH, tenKb.text().length());
    assertTrue(tenKb.shortened());
    assertDoesNotThrow(() -> parser.parse(tenKb));
    UserQuery emoji = UserQuery.of("😀".repeat(300));
    assertEquals(UserQuery.MAX_LENGTH, emoji.text().codePointCount(0, emoji.text().length()));
    assertFalse(Character.isHighSurrogate(emoji.text().charAt(emoji.text().length() - 1)));
    assertFalse(UserQuery.of("short").shortened());
  }

  @Test
  void controlCharactersSeparateWordsAndInvisibleOnesVanish() {
    assertEquals("a b", UserQuery.of("a\u0000b").text());
    assertEquals("ab", UserQuery.of("a\u200bb").text());
    assertEquals("a b", UserQuery.of("  a \t\r\n b  ").text());
  }

  @Test
  void everyWordMustMatchAndTitleWeighsMost() {
    String query = parse("raids dormitory").toString();
    assertTrue(query.startsWith("+") && query.contains(" +"), query);
    assertTrue(query.contains("(title:raid)^4.0"), query);
    assertTrue(query.contains("(dek:raid)^2.0"), query);
    assertTrue(query.contains("body:raid"), query);
  }

  @Test
  void quotesMakeAPhraseAndMinusExcludes() {
    assertTrue(parse("\"night raids\"").toString().contains("body:\"night raid\""));
    String excluded = parse("water -truck").toString();
    assertTrue(excluded.contains("-(") && excluded.contains("body:truck"), excluded);
  }

  @Test
  void operatorWordsAreOrdinaryWords() {
    // "AND" is a stop word, not an operator: "court AND prison" is the same as "court prison".
    assertEquals(parse("court prison"), parse("court AND prison"));
    assertInstanceOf(MatchNoDocsQuery.class, parse("AND OR NOT"));
  }
}
