package org.tamizdat.article;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns an article body written in Markdown into typeset, sanitized HTML. Instances are immutable
 * and safe to share between threads.
 */
public final class BodyRenderer {
  /** The page headline is the h1; body sections start at h2 and nest no deeper than h4. */
  private static final int TOP_HEADING = 2;

  private static final int DEEPEST_HEADING = 4;

  private final Parser parser;
  private final HtmlRenderer renderer;

  public BodyRenderer() {
    List<Extension> extensions =
        List.of(
            AutolinkExtension.builder()
                .linkTypes(Set.of(AutolinkType.URL, AutolinkType.WWW, AutolinkType.EMAIL))
                .build());
    parser = Parser.builder().extensions(extensions).build();
    renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .nodeRendererFactory(TestimonyHtmlRenderer::new)
            .build();
  }

  /** Renders {@code markdown} typeset for {@code lang}; the result is safe to embed in a page. */
  public String render(Language lang, String markdown) {
    Node document = parser.parse(markdown);
    Testimony.wrapAll(document);
    clampHeadings(document);
    BodyTypography.apply(lang, document);
    return HtmlPolicy.sanitize(renderer.render(document));
  }

  private static void clampHeadings(Node document) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            heading.setLevel(Math.clamp(heading.getLevel(), TOP_HEADING, DEEPEST_HEADING));
          }
        });
  }
}
