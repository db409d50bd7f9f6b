package org.tamizdat.site;

import java.util.List;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Translation;

/** Supplies an article page's link-preview tags and structured data (the feed feature does). */
@FunctionalInterface
public interface ArticleMetadata {
  /**
   * @param title the headline as the page shows it, typeset
   * @param dek the standfirst as the page shows it, typeset
   */
  ArticleHead describe(Article article, String title, String dek, List<Translation> translations);
}
