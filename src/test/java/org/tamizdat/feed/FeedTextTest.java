package org.tamizdat.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The small text rules feeds rely on. */
class FeedTextTest {
  @Test
  void relativeLinksInBodiesBecomeAbsolute() {
    String html =
        "<p><a href=\"/en/tag/x\">t</a> <img src=\"/media/a.png\" alt=\"\"> <a href=\"#fn1\">1</a>"
            + " <a href=\"https://example.org/\">e</a> <img src=\"//cdn.example/x.png\"></p>";
    assertEquals(
        "<p><a href=\"https://site.example/en/tag/x\">t</a>"
            + " <img src=\"https://site.example/media/a.png\" alt=\"\">"
            + " <a href=\"https://site.example/en/a#fn1\">1</a>"
            + " <a href=\"https://example.org/\">e</a> <img src=\"//cdn.example/x.png\"></p>",
        AbsoluteLinks.resolve(html, "https://site.example", "https://site.example/en/a"));
  }

  @Test
  void charactersXmlCannotHoldAreDropped() {
    assertEquals("ab\tc\n😀", XmlOutput.clean("a\u0000b\tc\u000b\n\ud83d\ude00\ufffe"));
    assertEquals("x\ud800".length() - 1, XmlOutput.clean("x\ud800").length(), "lone surrogate");
  }
}
