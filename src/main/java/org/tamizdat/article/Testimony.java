package org.tamizdat.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * A quotation with its source: a block quote whose last line starts with an em dash. In the AST it
 * wraps the original {@link BlockQuote} and an {@link Attribution} holding the source's inlines.
 */
final class Testimony extends CustomBlock {
  private static final Pattern LEADING_DASH = Pattern.compile("^[\\s\\u00A0]*\\u2014[\\s\\u00A0]*");

  /** The source of a testimony, without its leading dash. */
  static final class Attribution extends CustomBlock {}

  /** Replaces every qualifying block quote in {@code document} with a testimony. */
  static void wrapAll(Node document) {
    List<BlockQuote> quotes = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(BlockQuote quote) {
            quotes.add(quote);
            visitChildren(quote);
          }
        });
    quotes.forEach(Testimony::wrap);
  }

  private static void wrap(BlockQuote quote) {
    if (!(quote.getLastChild() instanceof Paragraph last)) {
      return;
    }
    Node firstOfAttribution = attributionStart(last);
    if (firstOfAttribution == null) {
      return;
    }
    Attribution attribution = new Attribution();
    Node lineBreak = firstOfAttribution.getPrevious();
    for (Node node = firstOfAttribution; node != null; ) {
      Node next = node.getNext();
      attribution.appendChild(node);
      node = next;
    }
    if (lineBreak != null) {
      lineBreak.unlink();
    } else {
      last.unlink();
    }
    Text dash = (Text) attribution.getFirstChild();
    dash.setLiteral(LEADING_DASH.matcher(dash.getLiteral()).replaceFirst(""));
    if (dash.getLiteral().isEmpty()) {
      dash.unlink();
    }
    Testimony testimony = new Testimony();
    quote.insertBefore(testimony);
    testimony.appendChild(quote);
    testimony.appendChild(attribution);
  }

  /**
   * The first inline of the attribution in {@code paragraph}, or null if there is none. A paragraph
   * that starts with a dash is the attribution as a whole, provided something precedes it to be
   * attributed; otherwise the attribution may be the paragraph's last line.
   */
  private static Node attributionStart(Paragraph paragraph) {
    if (startsWithDash(paragraph.getFirstChild())) {
      return paragraph.getPrevious() != null ? paragraph.getFirstChild() : null;
    }
    for (Node node = paragraph.getLastChild(); node != null; node = node.getPrevious()) {
      if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        return startsWithDash(node.getNext()) ? node.getNext() : null;
      }
    }
    return null;
  }

  private static boolean startsWithDash(Node node) {
    return node instanceof Text text && LEADING_DASH.matcher(text.getLiteral()).lookingAt();
  }
}
