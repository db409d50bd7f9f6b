package org.tamizdat.search;

import org.jsoup.Jsoup;

/**
 * Decides what of a stored article the index may hold. Index files sit outside the database and its
 * access rules, so text that must not be findable has to be kept out here.
 *
 * <p>Whole articles that name a protected source are kept out before this runs: {@link SearchIndex}
 * consults the publish guard ({@link org.tamizdat.article.PublishedTextGuard}) on every batch it
 * reads.
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
