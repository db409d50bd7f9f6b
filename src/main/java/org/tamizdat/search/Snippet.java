package org.tamizdat.search;

import java.util.List;

/**
 * A passage of an article's body with the words that matched marked. Plain text parts, not HTML:
 * the template escapes every part and wraps hits in {@code <mark>}, so no article text is ever
 * written into a page unescaped.
 */
public record Snippet(List<Part> parts) {
  public record Part(String text, boolean hit) {}

  public Snippet {
    parts = List.copyOf(parts);
  }

  public String plainText() {
    StringBuilder text = new StringBuilder();
    parts.forEach(p -> text.append(p.text()));
    return text.toString();
  }
}
