package org.tamizdat.site;

import java.util.List;

/**
 * What an article page adds to its head for link previews and search engines.
 *
 * @param jsonLd a JSON-LD document already safe inside a script element, or null
 */
public record ArticleHead(List<MetaTag> meta, String jsonLd) {
  public static final ArticleHead NONE = new ArticleHead(List.of(), null);

  /** {@code <meta property>} (OpenGraph) when {@code isProperty}, else {@code <meta name>}. */
  public record MetaTag(boolean isProperty, String key, String content) {}
}
