package org.tamizdat.site;

import java.util.List;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Author;
import org.tamizdat.article.Language;
import org.tamizdat.article.Typography;

/** Turns stored articles into what templates show, typeset for their language. */
public final class Cards {
  private final Urls urls;
  private final Dates dates;

  public Cards(Urls urls, Dates dates) {
    this.urls = urls;
    this.dates = dates;
  }

  public Card card(ArticleSummary a) {
    Language lang = a.lang();
    return new Card(
        urls.article(lang, a.publishedAt(), a.slug()),
        Typography.apply(lang, a.kicker()),
        Typography.apply(lang, a.title()),
        Typography.apply(lang, a.dek()),
        authorLinks(lang, a.authors()),
        dates.day(lang, a.publishedAt()),
        Dates.iso(a.publishedAt()),
        a.leadImage() == null ? null : urls.media(a.leadImage()),
        a.section() == null
            ? null
            : new Link(urls.section(lang, a.section().slug()), a.section().name()));
  }

  public List<Link> authorLinks(Language lang, List<Author> authors) {
    return authors.stream().map(w -> new Link(urls.author(lang, w.slug()), w.name())).toList();
  }
}
