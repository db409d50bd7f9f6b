package org.tamizdat.search;

import org.jsoup.Jsoup;

/**
 * Decides what of a stored article the index may hold. Index files sit outside the database and its
 * access rules, so text that must not be findable has to be kept out here.
 *
 * <p>This is the hook for the protected-sources publish guard (not built yet): it will wrap {@link
 * #plain()} and drop or blank whatever text it blocks, and App will pass the wrapped one in.
 */
@FunctionalInterface
public interface SearchableText {
  IndexedArticle extract(StoredArticle article);

  /**
   * Title, dek and the body's text. The body is indexed from its rendered, sanitized HTML rather
   * than the Markdown, so snippets show what the reader saw: typeset, without Markdown syntax.
   */
  static SearchableText plain() {
    return a ->
        new IndexedArticle(
            a.id(),
            a.lang(),
            a.title(),
            a.dek(),
            Jsoup.parseBodyFragment(a.bodyHtml()).text(),
            a.sectionSlug(),
            a.publishedAt());
  }
}
