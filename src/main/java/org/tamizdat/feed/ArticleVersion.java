package org.tamizdat.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Translation;
import org.tamizdat.article.Language;

/** One language version of an article, enough to link to it from structured data. */
record ArticleVersion(Language lang, String slug, Instant publishedAt) {
  static ArticleVersion of(Article a) {
    return new ArticleVersion(a.lang(), a.slug(), a.publishedAt());
  }

  static ArticleVersion of(Translation t) {
    return new ArticleVersion(t.lang(), t.slug(), t.publishedAt());
  }

  /**
   * The newsroom does not record which version was written first, so the earliest published one
   * counts as the original and the others as its translations (ties: edition order).
   */
  static ArticleVersion original(Article article, List<Translation> translations) {
    return Stream.concat(Stream.of(of(article)), translations.stream().map(ArticleVersion::of))
        .min(Comparator.comparing(ArticleVersion::publishedAt).thenComparing(ArticleVersion::lang))
        .orElseThrow();
  }
}
