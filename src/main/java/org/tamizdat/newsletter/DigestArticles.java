package org.tamizdat.newsletter;

import java.time.Instant;
import java.util.List;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Language;

/** What the digest needs from the site: the week's articles and their public addresses. */
public interface DigestArticles {
  List<ArticleSummary> publishedBetween(Language lang, Instant from, Instant until);

  /** The article's absolute URL: a direct link, never a redirect through us. */
  String link(ArticleSummary article);
}
