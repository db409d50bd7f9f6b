package org.tamizdat.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.ArticleRepository.Translation;

/**
 * What the public pages read about published articles. The server reads it from the database on
 * every call ({@link ArticleRepository}); a static export reads one moment of it, loaded at once
 * ({@link ArticleSnapshot}), through the very same pages.
 */
public interface PublishedArticles {
  /** One page of a listing, newest first. */
  PageOf<ArticleSummary> list(Language lang, Filter filter, int page, int pageSize);

  /** Every visible article of a listing, newest first. */
  long[] listingIds(Language lang, Filter filter);

  /** The visible articles among {@code ids}, in their order. */
  List<ArticleSummary> summaries(Language lang, List<Long> ids);

  /** When the next scheduled article goes public. */
  Optional<Instant> nextPublication();

  Optional<Article> findPublished(Language lang, String slug);

  /** The other-language versions of an article that readers may see. */
  List<Translation> translations(Article article);
}
