package org.tamizdat.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.Language;

/** WordPress HTML to our Markdown, checked through the renderer readers' pages come from. */
class ContentConverterTest {
  private final List<String> warnings = new ArrayList<>();

  /** No attachments: every image is either on another server or missing. */
  private final Images none =
      new Images() {
        @Override
        public Optional<String> local(String src) {
          return src.startsWith("/media/") ? Optional.of(src) : Optional.empty();
        }

        @Override
        public boolean foreign(String src) {
          return src.startsWith("https://elsewhere.example/");
        }

        @Override
        public Optional<Image> attachment(long id) {
          return Optional.empty();
        }

        @Override
        public List<Long> childrenOf(long postId) {
          return List.of();
        }
      };

  private String markdown(String html) {
    return ContentConverter.toMarkdown(html, 1, none, warnings::add);
  }

  private String rendered(Language lang, String html) {
    return new BodyRenderer().render(lang, markdown(html));
  }

  @Test
  void classicPostsGetWordPressParagraphsAndLineBreaks() {
    assertEquals(
        "One line\\\nnext line\n\nSecond paragraph\n",
        markdown("One line\nnext line\n\n\nSecond paragraph"));
  }

  @Test
  void textThatLooksLikeMarkdownStaysText() {
    String html =
        rendered(Language.EN, "<p>1. Not a list *or emphasis* [or a link](x) &lt;b&gt;</p>");
    assertEquals("<p>1. Not a list *or emphasis* [or a link](x) &lt;b&gt;</p>\n", html);
  }

  @Test
  void scriptsHandlersAndDangerousLinksNeverSurvive() {
    String html =
        rendered(
            Language.EN,
            "<p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">there</a>"
                + " <a href=\" JaVaScRiPt:alert(2)\">again</a> <a href=\"data:text/html,x\">data</a>"
                + " <img src=\"x\" onerror=\"alert(3)\"></p><script>alert(4)</script>"
                + "<style>p{}</style><iframe src=\"https://evil.example\"></iframe>"
                + "<table onmouseover=\"y()\"><tr><th>A</th><td><b onclick=\"z()\">1</b></td></tr></table>");
    for (String bad :
        List.of(
            "alert",
            "onclick",
            "onerror",
            "onmouseover",
            "javascript",
            "data:",
            "iframe",
            "evil")) {
      assertFalse(
          html.toLowerCase(java.util.Locale.ROOT).contains(bad.toLowerCase(java.util.Locale.ROOT)),
          bad + " in " + html);
    }
    assertTrue(html.contains("<p>Hi there again data</p>"), html);
    assertTrue(html.contains("<table><tbody><tr><th>A</th><td>1</td></tr></tbody></table>"), html);
    assertTrue(warnings.contains("embedded iframe removed"), warnings.toString());
  }

  @Test
  void russianPostsAreTypesetLikeOurOwn() {
    String html = rendered(Language.RU, "<p>Он сказал \"да\" - и ушёл в 5 часов.</p>");
    assertEquals(
        new BodyRenderer().render(Language.RU, "Он сказал \"да\" - и ушёл в 5 часов."), html);
    assertTrue(html.contains("«да»\u00a0—"), html);
  }

  @Test
  void headingsListsQuotesAndCodeKeepTheirShape() {
    String html =
        rendered(
            Language.EN,
            "<h1>Top</h1><h5>Deep</h5><ol start=\"3\"><li>three<ul><li>inner</li></ul></li><li>four</li></ol>"
                + "<blockquote><p>Said</p><p>twice</p></blockquote><pre>a *b*\n  c</pre><p>x <code>y`z</code></p>");
    assertTrue(html.contains("<h2>Top</h2>"), html);
    assertTrue(html.contains("<h4>Deep</h4>"), html);
    assertTrue(
        html.contains(
            "<ol start=\"3\"><li>three\n<ul><li>inner</li></ul>\n</li><li>four</li></ol>"),
        html);
    assertTrue(html.contains("<blockquote>\n<p>Said</p>\n<p>twice</p>\n</blockquote>"), html);
    assertTrue(html.contains("<pre><code>a *b*\n  c\n</code></pre>"), html);
    assertTrue(html.contains("<code>y&#96;z</code>"), html);
  }

  @Test
  void bareBracketsAreTextButShortcodesGo() {
    String html =
        rendered(
            Language.EN, "He said [sic] it. [video src=\"a.mp4\"] [pullquote]Keep me[/pullquote]");
    assertTrue(html.contains("He said [sic] it."), html);
    assertTrue(html.contains("Keep me"), html);
    assertFalse(html.contains("pullquote") || html.contains("mp4"), html);
    assertEquals(List.of("shortcode [video] removed", "shortcode [pullquote] removed"), warnings);
  }

  @Test
  void imagesFromOtherServersBecomeLinks() {
    String html =
        rendered(Language.EN, "<p><img src=\"https://elsewhere.example/i.png\" alt=\"Map\"></p>");
    assertTrue(html.startsWith("<p><a href=\"https://elsewhere.example/i.png\" rel="), html);
    assertTrue(html.endsWith(">Map</a></p>\n"), html);
  }
}
