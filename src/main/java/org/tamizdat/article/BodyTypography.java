package org.tamizdat.article;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Applies {@link Typography} to the prose of a Markdown AST, one block at a time, so that quotes
 * pair across emphasis and links. Code, raw HTML, URLs and autolinks are never changed.
 */
final class BodyTypography {
  private final Language lang;

  private BodyTypography(Language lang) {
    this.lang = lang;
  }

  static void apply(Language lang, Node document) {
    BodyTypography typography = new BodyTypography(lang);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph paragraph) {
            typography.typeset(paragraph);
          }

          @Override
          public void visit(Heading heading) {
            typography.typeset(heading);
          }

          @Override
          public void visit(CustomBlock block) {
            if (block instanceof Testimony.Attribution) {
              typography.typeset(block);
            } else {
              visitChildren(block);
            }
          }
        });
  }

  /** Typesets the inline content of {@code container} as one run. */
  private void typeset(Node container) {
    List<Text> targets = new ArrayList<>();
    List<String> segments = new ArrayList<>();
    List<Image> images = new ArrayList<>();
    collect(container, targets, segments, images);
    List<String> typeset = Typography.applySegments(lang, segments);
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i) != null) {
        targets.get(i).setLiteral(typeset.get(i));
      }
    }
    // Alt text is a sentence of its own, not part of the surrounding paragraph.
    images.forEach(this::typeset);
  }

  private static void collect(
      Node parent, List<Text> targets, List<String> segments, List<Image> images) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        targets.add(text);
        segments.add(text.getLiteral());
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        // Context only: a line break separates words like a space, but is rendered as-is.
        targets.add(null);
        segments.add(" ");
      } else if (node instanceof Code || node instanceof Image || isAutolink(node)) {
        targets.add(null);
        segments.add(null);
        if (node instanceof Image image) {
          images.add(image);
        }
      } else if (!(node instanceof HtmlInline)) {
        collect(node, targets, segments, images);
      }
    }
  }

  /** A link that shows its own address, such as a bare URL or e-mail found by the autolinker. */
  private static boolean isAutolink(Node node) {
    if (!(node instanceof Link link)
        || !(link.getFirstChild() instanceof Text text)
        || text.getNext() != null) {
      return false;
    }
    String shown = text.getLiteral();
    String destination = link.getDestination();
    return destination.equals(shown)
        || destination.equals("mailto:" + shown)
        || destination.equals("http://" + shown)
        || destination.equals("https://" + shown);
  }
}
