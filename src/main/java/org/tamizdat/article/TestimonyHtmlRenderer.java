package org.tamizdat.article;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** Renders a {@link Testimony} as a figure whose caption names the source. */
final class TestimonyHtmlRenderer implements NodeRenderer {
  private final HtmlNodeRendererContext context;
  private final HtmlWriter html;

  TestimonyHtmlRenderer(HtmlNodeRendererContext context) {
    this.context = context;
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Testimony.class, Testimony.Attribution.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof Testimony) {
      html.line();
      html.tag("figure", Map.of("class", "testimony"));
      renderChildren(node);
      html.tag("/figure");
      html.line();
    } else {
      html.line();
      html.tag("figcaption");
      renderChildren(node);
      html.tag("/figcaption");
      html.line();
    }
  }

  private void renderChildren(Node parent) {
    for (Node child = parent.getFirstChild(); child != null; ) {
      Node next = child.getNext();
      context.render(child);
      child = next;
    }
  }
}
