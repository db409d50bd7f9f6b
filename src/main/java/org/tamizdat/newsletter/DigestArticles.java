package org.tamizdat.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Language;

/** What the digest needs from the site: the week's articles and their public addresses. */
public interface DigestArticles {
  List<ArticleSummary> publishedBetween(Language lang, Instant from, Instant until);

  /** The article's absolute URL: a direct link, never a redirect through us. */
  String link(ArticleSummary article);

  /** The week's articles as found by {@code finder}, linked by {@code link}. */
  static DigestArticles of(Finder finder, Function<ArticleSummary, String> link) {
    return new DigestArticles() {
      @Override
      public List<ArticleSummary> publishedBetween(Language lang, Instant from, Instant until) {
        return finder.publishedBetween(lang, from, until);
      }

      @Override
      public String link(ArticleSummary article) {
        return link.apply(article);
      }
    };
  }

  /** Finds an edition's articles published in [from, until), oldest first. */
  @FunctionalInterface
  interface Finder {
    List<ArticleSummary> publishedBetween(Language lang, Instant from, Instant until);
  }
}
