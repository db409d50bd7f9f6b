package org.tamizdat.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
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
    linkForeignImages(document);
    BodyTypography.apply(lang, document);
    return HtmlPolicy.sanitize(renderer.render(document));
  }

  /**
   * An image on another server becomes a link to it, its alt text the link's text: a reader's
   * browser (or feed reader) never fetches anything from a third party, which would tell that party
   * who reads what. Our own images are relative ({@code /media/...}).
   */
  private static void linkForeignImages(Node document) {
    List<Image> foreign = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            if (HtmlPolicy.isForeign(image.getDestination())) {
              foreign.add(image);
            }
          }
        });
    for (Image image : foreign) {
      Link link = new Link(image.getDestination(), image.getTitle());
      Node child = image.getFirstChild();
      if (child == null) {
        link.appendChild(new Text(image.getDestination()));
      }
      while (child != null) {
        Node next = child.getNext();
        link.appendChild(child);
        child = next;
      }
      image.insertBefore(link);
      image.unlink();
    }
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
