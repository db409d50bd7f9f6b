package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTest {
  final Analyzer analyzer = new SearchAnalyzer();

  List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void russianInflectionsShareAStem() {
    assertEquals(terms("контрактники"), terms("контрактников"));
    assertEquals(terms("контрактники"), terms("Контрактникам"));
    assertEquals(terms("облава"), terms("облавы"));
    assertEquals(terms("общежитие"), terms("общежитиях"));
    assertNotEquals(terms("контракт"), terms("контрактники"), "different words stay apart");
  }

  @Test
  void englishInflectionsShareAStem() {
    assertEquals(terms("refused"), terms("refusing"));
    assertEquals(terms("refused"), terms("refuses"));
    assertEquals(terms("raid"), terms("raids"));
    assertEquals(terms("dormitory"), terms("dormitories"));
  }

  @Test
  void yoIsFoldedToYe() {
    assertEquals(terms("ещё всё вахтёрша"), terms("еще все вахтерша"));
    assertEquals(terms("Ёлка"), terms("елка"));
    assertEquals(List.of("елк"), terms("ЁЛКА"));
  }

  @Test
  void foldingKeepsOffsetsOnTheOriginalText() throws IOException {
    String text = "Вахтёрша открыла";
    try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY, text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      stream.incrementToken();
      assertEquals("Вахтёрша", text.substring(offset.startOffset(), offset.endOffset()));
      stream.end();
    }
  }

  @Test
  void stopWordsOfBothLanguagesAreDropped() {
    assertEquals(List.of(), terms("и в на не что"));
    assertEquals(List.of(), terms("the and of to AND OR NOT"));
    assertEquals(terms("суд"), terms("и суд"));
    assertEquals(terms("court"), terms("the court"));
  }

  @Test
  void eachEditionQuotesTheOtherLanguage() {
    // A Russian name in an English report and an English word in a Russian one are both stemmed.
    assertEquals(terms("Каменного Лога"), terms("Каменный Лог"));
    assertEquals(terms("VPNs"), terms("VPN"));
  }

  @Test
  void typographicApostrophesMatchTypedOnes() {
    assertEquals(terms("Severia’s"), terms("Severia's"));
    assertEquals(terms("Severia’s"), terms("Severia"));
    assertEquals(terms("don’t"), terms("don't"));
  }
}
