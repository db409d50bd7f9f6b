package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Block quotes ending with an em-dash attribution render as testimony figures. */
class BodyRendererTestimonyTest {
  private final BodyRenderer renderer = new BodyRenderer();

  private Document render(String markdown) {
    return Jsoup.parseBodyFragment(renderer.render(Language.RU, markdown));
  }

  @Test
  void attributionAsSeparateParagraph() {
    Document doc =
        render("> Нас держали в подвале.\n>\n> Потом отпустили.\n>\n> — Анна, *бывшая* узница");
    Element figure = doc.selectFirst("figure.testimony");
    assertEquals(
        List.of("Нас держали в подвале.", "Потом отпустили."),
        figure.select("blockquote > p").eachText());
    assertEquals("Анна, бывшая узница", figure.selectFirst("figcaption").text());
    assertEquals("бывшая", figure.selectFirst("figcaption > em").text());
    assertEquals(List.of("blockquote", "figcaption"), childTags(figure));
  }

  @Test
  void attributionAsLastLineOfLastParagraph() {
    Document doc = render("> Первая строка\n> вторая строка\n> — Иван Петров");
    Element figure = doc.selectFirst("figure.testimony");
    assertEquals("Первая строка\nвторая строка", figure.selectFirst("blockquote > p").wholeText());
    assertEquals("Иван Петров", figure.selectFirst("figcaption").text());
  }

  @Test
  void attributionAfterHardLineBreak() {
    Document doc = render("> Мы ждали.\\\n> —Ольга");
    assertEquals("Ольга", doc.selectFirst("figure.testimony figcaption").text());
    assertTrue(doc.select("figure br").isEmpty());
  }

  @Test
  void attributionIsTypeset() {
    Document doc = render("> Было страшно.\n>\n> — Пётр, автор книги \"Лес\"");
    assertEquals("Пётр, автор книги «Лес»", doc.selectFirst("figcaption").text());
  }

  @Test
  void blockquoteWithoutAttributionStaysPlain() {
    Document doc = render("> Просто цитата.\n> Без автора.");
    assertNull(doc.selectFirst("figure"));
    assertEquals("Просто цитата. Без автора.", doc.selectFirst("blockquote").text());
  }

  @Test
  void dashInTheMiddleDoesNotMakeTestimony() {
    Document doc = render("> — Что?\n> Ничего.");
    assertNull(doc.selectFirst("figure"));
  }

  @Test
  void dialogueWithNothingToAttributeStaysPlain() {
    Document doc = render("> — Кто там?\n> — Свои.");
    assertNull(doc.selectFirst("figure"));
    assertEquals("— Кто там? — Свои.", doc.selectFirst("blockquote").text());
  }

  @Test
  void hyphenIsNotAnAttributionDash() {
    Document doc = render("> Цитата.\n>\n> -- Автор");
    assertNull(doc.selectFirst("figure"));
  }

  @Test
  void testimonyInsideListItem() {
    Document doc = render("- > Слова.\n  > — Свидетель");
    assertEquals("Свидетель", doc.selectFirst("li figure.testimony figcaption").text());
  }

  private static List<String> childTags(Element element) {
    return element.children().stream().map(Element::tagName).toList();
  }
}
