package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Markdown structure and typography in {@link BodyRenderer}. */
class BodyRendererTest {
  private final BodyRenderer renderer = new BodyRenderer();

  private Document render(Language lang, String markdown) {
    return Jsoup.parseBodyFragment(renderer.render(lang, markdown));
  }

  private static List<String> texts(Document doc, String selector) {
    return doc.select(selector).eachText();
  }

  @Test
  void paragraphsEmphasisAndStrong() {
    Document doc = render(Language.EN, "First *soft* line.\n\nSecond **bold** line.");
    assertEquals(List.of("First soft line.", "Second bold line."), texts(doc, "body > p"));
    assertEquals("soft", doc.selectFirst("p > em").text());
    assertEquals("bold", doc.selectFirst("p > strong").text());
  }

  @Test
  void bulletAndOrderedLists() {
    Document doc = render(Language.EN, "- apples\n- pears\n\n3. three\n4. four");
    assertEquals(List.of("apples", "pears"), texts(doc, "ul > li"));
    assertEquals("3", doc.selectFirst("ol").attr("start"));
    assertEquals(List.of("three", "four"), texts(doc, "ol > li"));
  }

  @Test
  void headingsStayBetweenH2AndH4() {
    Document doc = render(Language.EN, "# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six");
    assertTrue(doc.select("h1, h5, h6").isEmpty());
    assertEquals(List.of("One", "Two"), texts(doc, "h2"));
    assertEquals(List.of("Three"), texts(doc, "h3"));
    assertEquals(List.of("Four", "Six"), texts(doc, "h4"));
  }

  @Test
  void russianProseGetsGuillemetsEverywhere() {
    Document doc =
        render(
            Language.RU,
            "## Дело \"Вечера\"\n\nОн читал \"Утро\".\n\n- пункт \"один\"\n\n"
                + "> цитата \"два\"\n\n[ссылка \"три\"](/ru/tri)");
    assertEquals("Дело «Вечера»", doc.selectFirst("h2").text());
    assertEquals("Он читал «Утро».", doc.selectFirst("body > p").text());
    assertEquals("пункт «один»", doc.selectFirst("li").text());
    assertEquals("цитата «два»", doc.selectFirst("blockquote").text());
    assertEquals("ссылка «три»", doc.selectFirst("a").text());
  }

  @Test
  void quotesPairAcrossEmphasisAndLinks() {
    Document doc = render(Language.RU, "Он назвал \"*Вечер*\" и \"[Утро](/utro) газеты\" лучшими");
    assertEquals(
        "Он назвал «Вечер» и\u00A0«Утро газеты» лучшими", doc.selectFirst("p").wholeText());
    assertEquals("Вечер", doc.selectFirst("em").text());
  }

  @Test
  void codeSpansAndBlocksKeepStraightQuotes() {
    Document doc =
        render(
            Language.EN,
            "Type `\"x\" -- y` then \"go\".\n\n```\nprint(\"a\") -- b...\n```\n\n    'z' -- w");
    List<String> code = doc.select("code").eachText();
    assertEquals("\"x\" -- y", code.get(0));
    assertEquals("print(\"a\") -- b...", code.get(1));
    assertEquals("'z' -- w", code.get(2));
    assertEquals("Type \"x\" -- y then “go”.", doc.selectFirst("p").text());
  }

  @Test
  void codeSpanCountsAsWordForQuoteContext() {
    Document doc = render(Language.EN, "The `run`'s result");
    assertEquals("The run’s result", doc.selectFirst("p").text());
  }

  @Test
  void autolinkedUrlIsLeftExactlyAsTyped() {
    Document doc = render(Language.EN, "See https://example.org/a--b?x='1' -- \"now\"");
    Element link = doc.selectFirst("a");
    assertEquals("https://example.org/a--b?x='1'", link.attr("href"));
    assertEquals("https://example.org/a--b?x='1'", link.text());
    assertTrue(doc.selectFirst("p").wholeText().endsWith("\u00A0— “now”"));
  }

  @Test
  void autolinkedEmailAndWwwAreLeftAlone() {
    Document doc = render(Language.EN, "Mail o'neil@example.org or www.example.org/x--y today");
    assertEquals(List.of("o'neil@example.org", "www.example.org/x--y"), texts(doc, "a"));
  }

  @Test
  void softLineBreakSeparatesWordsForQuoteContext() {
    Document doc = render(Language.RU, "Первая строка\n\"вторая\" строка");
    assertEquals("Первая строка\n«вторая» строка", doc.selectFirst("p").wholeText());
  }

  @Test
  void imageAltTextIsTypesetOnItsOwn() {
    Document doc = render(Language.EN, "A \"photo\": ![the \"old\" office](/img/office.jpg)");
    assertEquals("the “old” office", doc.selectFirst("img").attr("alt"));
    assertEquals("A “photo”: ", doc.selectFirst("p").wholeText());
  }

  @Test
  void cyrillicSurvivesRendering() {
    Document doc = render(Language.RU, "Ёжик, щука и «Эхо»");
    assertEquals("Ёжик, щука и\u00A0«Эхо»", doc.selectFirst("p").wholeText());
  }
}
