package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list in {@link HtmlPolicy}, exercised directly as importers will use it. */
class HtmlPolicyTest {

  private static Document clean(String html) {
    return Jsoup.parseBodyFragment(HtmlPolicy.sanitize(html));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "p",
        "h2",
        "h3",
        "h4",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "small",
        "mark",
        "blockquote",
        "figure",
        "figcaption",
        "code",
        "pre"
      })
  void allowedTextElementsSurvive(String tag) {
    Document doc = clean("<" + tag + ">word</" + tag + ">");
    assertEquals("word", doc.selectFirst(tag).text());
  }

  @Test
  void listsTablesAndBreaksSurvive() {
    Document doc =
        clean(
            "<ol start=\"4\" type=\"a\"><li>x</li></ol><ul><li>y</li></ul><p>a<br>b</p><hr>"
                + "<table><thead><tr><th colspan=\"2\">h</th></tr></thead>"
                + "<tbody><tr><td rowspan=\"3\" colspan=\"wide\">c</td></tr></tbody></table>");
    assertEquals("4", doc.selectFirst("ol").attr("start"));
    assertFalse(doc.selectFirst("ol").hasAttr("type"));
    assertEquals("y", doc.selectFirst("ul > li").text());
    assertEquals(1, doc.select("p > br").size());
    assertEquals(1, doc.select("hr").size());
    assertEquals("2", doc.selectFirst("th").attr("colspan"));
    assertEquals("3", doc.selectFirst("td").attr("rowspan"));
    assertFalse(doc.selectFirst("td").hasAttr("colspan"));
  }

  @Test
  void onlyTheTestimonyFigureKeepsAClass() {
    Document doc =
        clean(
            "<figure class=\"testimony\"><figcaption>a</figcaption></figure>"
                + "<figure class=\"wide\">b</figure><p class=\"testimony\">c</p>");
    assertEquals(1, doc.select("[class]").size());
    assertEquals("a", doc.selectFirst("figure.testimony").text());
  }

  @Test
  void idsStylesAndHandlersAreDropped() {
    String html =
        HtmlPolicy.sanitize(
            "<p id=\"a\" style=\"color:red\" onmouseover=\"x()\" title=\"t\">text</p>");
    assertEquals("<p>text</p>", html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>x()</script>", "<style>p{}</style>", "<iframe src=\"https://x.org\"></iframe>",
        "<object data=\"x.swf\"></object>", "<embed src=\"x.swf\">", "<form><input></form>",
        "<svg><script>x()</script></svg>", "<link rel=\"stylesheet\" href=\"x.css\">"
      })
  void activeContentDisappearsCompletely(String html) {
    assertEquals("", HtmlPolicy.sanitize(html));
  }

  @Test
  void unknownWrappersAreDroppedButTheirTextKept() {
    Document doc = clean("<div><span>kept</span> <font>too</font></div>");
    assertEquals("kept too", doc.body().text());
    assertTrue(doc.select("div, span, font").isEmpty());
  }

  @Test
  void outOfRangeHeadingsAreDemotedNotDropped() {
    Document doc = clean("<h1>Top</h1><h5>Low</h5><h6>Lower</h6>");
    assertEquals(List.of("Top"), doc.select("h2").eachText());
    assertEquals(List.of("Low", "Lower"), doc.select("h4").eachText());
    assertTrue(doc.select("h1, h5, h6").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.org/a", "http://example.org/", "/ru/page", "page#x"})
  void webAndRelativeLinksKeepHrefAndGainRel(String href) {
    Element a =
        clean("<a href=\"" + href + "\" rel=\"author\" target=\"_blank\">x</a>").selectFirst("a");
    assertEquals(href, a.attr("href"));
    assertEquals(Set.of("noopener", "noreferrer"), Set.of(a.attr("rel").split(" ")));
    assertFalse(a.hasAttr("target"));
  }

  @Test
  void mailtoLinksAreAllowed() {
    Element a = clean("<a href=\"mailto:desk@example.org\">mail</a>").selectFirst("a");
    assertEquals("mailto:desk@example.org", a.attr("href"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:x()",
        " javascript:x()",
        "data:text/html,hi",
        "vbscript:x",
        "file:///etc"
      })
  void otherLinkProtocolsLoseTheLink(String href) {
    Document doc = clean("<a href=\"" + href + "\">text</a>");
    assertNull(doc.selectFirst("a[href]"));
    assertEquals("text", doc.text());
  }

  @Test
  void imagesKeepSafeAttributesOnly() {
    Element img =
        clean(
                "<img src=\"/m/a.png\" alt=\"map\" width=\"640\" height=\"480\" loading=\"lazy\""
                    + " class=\"c\" srcset=\"x 2x\" title=\"t\">")
            .selectFirst("img");
    assertEquals(Set.of("src", "alt", "width", "height", "loading"), attributeNames(img));
    assertEquals("/m/a.png", img.attr("src"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mailto:a@example.org",
        "data:image/png;base64,AAAA",
        "javascript:x()",
        "ftp://x",
        "https://x.org/a.png",
        "HTTP://x.org/a.png",
        "//x.org/a.png",
        "/\\x.org/a.png",
        "\\\\x.org/a.png",
        " //x.org/a.png"
      })
  void imagesFromElsewhereLoseTheirSource(String src) {
    Document doc = clean("<img src=\"" + src + "\" alt=\"pic\">");
    assertNull(doc.selectFirst("img[src]"));
  }

  @Test
  void nonNumericSizesAreDropped() {
    Element img =
        clean("<img src=\"/media/a.png\" width=\"100%\" loading=\"soon\">").selectFirst("img");
    assertEquals(Set.of("src"), attributeNames(img));
  }

  @Test
  void cyrillicTextIsPreserved() {
    assertEquals("Щедрость «Эха»", clean("<p>Щедрость «Эха»</p>").text());
  }

  private static Set<String> attributeNames(Element element) {
    Set<String> names = new java.util.HashSet<>();
    element.attributes().forEach(attribute -> names.add(attribute.getKey()));
    return names;
  }
}
