package org.tamizdat.site;

import java.util.List;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Translation;

/** Supplies an article page's link-preview tags and structured data (the feed feature does). */
@FunctionalInterface
public interface ArticleMetadata {
  ArticleHead describe(Article article, List<Translation> translations);
}
