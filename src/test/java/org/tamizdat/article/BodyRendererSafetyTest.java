package org.tamizdat.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever authors or importers put in Markdown, the rendered body carries no active content. */
class BodyRendererSafetyTest {
  private final BodyRenderer renderer = new BodyRenderer();

  private String html(String markdown) {
    return renderer.render(Language.EN, markdown);
  }

  @Test
  void scriptBlocksAndTheirContentAreRemoved() {
    String html = html("Before\n\n<script>steal()</script>\n\nAfter <script>steal()</script>");
    assertFalse(html.contains("script"), html);
    assertFalse(html.contains("steal"), html);
    assertTrue(Jsoup.parseBodyFragment(html).text().contains("After"));
  }

  @Test
  void eventHandlersAreRemoved() {
    String html =
        html("<img src=\"/a.png\" onerror=\"steal()\">\n\n<p onclick=\"steal()\">Tap</p>");
    assertFalse(html.toLowerCase(Locale.ROOT).contains("onerror"), html);
    assertFalse(html.toLowerCase(Locale.ROOT).contains("onclick"), html);
    assertFalse(html.contains("steal"), html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:steal()",
        "JavaScript:steal()",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:steal()",
      })
  void dangerousUrlsAreRemovedFromLinksAndImages(String url) {
    String html = html("[click](" + url + ") and ![pic](" + url + ")");
    Document doc = Jsoup.parseBodyFragment(html);
    assertTrue(doc.select("a[href]").isEmpty(), html);
    assertTrue(doc.select("img[src]").isEmpty(), html);
    String scheme = url.substring(0, url.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    assertFalse(html.toLowerCase(Locale.ROOT).contains(scheme), html);
    assertTrue(doc.text().contains("click"));
  }

  @Test
  void framesStylesAndStyleAttributesAreRemoved() {
    String html =
        html(
            "<iframe src=\"https://example.org/\"></iframe>\n\n<style>p{color:red}</style>\n\n"
                + "<p style=\"color:red\" class=\"x\" id=\"y\">Styled</p>");
    Document doc = Jsoup.parseBodyFragment(html);
    assertTrue(doc.select("iframe, style, [style], [class], [id]").isEmpty(), html);
    assertFalse(html.contains("color:red"), html);
    assertEquals("Styled", doc.selectFirst("p").text());
  }

  @Test
  void relativeAndHttpsLinksAreKeptWithSafeRel() {
    Document doc =
        Jsoup.parseBodyFragment(html("[home](/en/) [ext](https://example.org/page?a=1&b=2)"));
    Element home = doc.selectFirst("a[href=/en/]");
    Element ext = doc.selectFirst("a[href=https://example.org/page?a=1&b=2]");
    assertEquals(Set.of("noopener", "noreferrer"), Set.of(home.attr("rel").split(" ")));
    assertEquals(Set.of("noopener", "noreferrer"), Set.of(ext.attr("rel").split(" ")));
  }

  @Test
  void ourImagesAreShownAndImagesFromOtherServersBecomeLinks() {
    Document doc =
        Jsoup.parseBodyFragment(
            html(
                "![Map](/media/map.png) ![Sky *at dusk*](https://x.org/s.jpg)"
                    + " ![](//cdn.example/p.gif) <img src=\"https://tracker.example/t.png\">"));
    assertEquals(1, doc.select("img[src]").size(), doc.body().html());
    assertEquals("/media/map.png", doc.selectFirst("img[src]").attr("src"));
    Element sky = doc.selectFirst("a[href=https://x.org/s.jpg]");
    assertEquals("Sky at dusk", sky.text());
    assertEquals("//cdn.example/p.gif", doc.selectFirst("a[href=//cdn.example/p.gif]").text());
    assertTrue(doc.select("img:not([src])").size() <= 1, "raw HTML image keeps no source");
  }

  @Test
  void codeBlockLanguageClassIsDropped() {
    Document doc = Jsoup.parseBodyFragment(html("```java\nint a;\n```"));
    assertEquals("int a;", doc.selectFirst("pre > code").text());
    assertNull(doc.selectFirst("[class]"));
  }
}
