package org.tamizdat.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Author;
import org.tamizdat.article.Language;
import org.tamizdat.article.Typography;

/** Turns stored articles into what templates show, typeset for their language. */
public final class Cards {
  private final Urls urls;
  private final Dates dates;
  private final StoredImages images;

  /**
   * Typeset headlines by language and raw text. An article's card shows on its edition's home, its
   * section, its tags and its authors, and typesetting (many patterns per string) is the costliest
   * step of rendering a listing; the text decides the result, so entries never go stale.
   */
  private final Cache<Text, String> typeset = Caffeine.newBuilder().maximumSize(50_000).build();

  /** A key that hashes the text once: the same String instances come back page after page. */
  private record Text(Language lang, String text) {}

  public Cards(Urls urls, Dates dates) {
    this(urls, dates, StoredImages.NONE);
  }

  public Cards(Urls urls, Dates dates, StoredImages images) {
    this.urls = urls;
    this.dates = dates;
    this.images = images;
  }

  public Card card(ArticleSummary a) {
    Language lang = a.lang();
    return new Card(
        urls.article(lang, a.publishedAt(), a.slug()),
        typeset(lang, a.kicker()),
        typeset(lang, a.title()),
        typeset(lang, a.dek()),
        authorLinks(lang, a.authors()),
        dates.day(lang, a.publishedAt()),
        Dates.iso(a.publishedAt()),
        a.leadImage() == null ? null : urls.media(a.leadImage()),
        a.section() == null
            ? null
            : new Link(urls.section(lang, a.section().slug()), a.section().name()),
        Picture.of(images, urls, a.leadImage(), Picture.CARD_SIZES).orElse(null));
  }

  /** Typography for a headline, dek or kicker; article pages typeset theirs here too. */
  public String typeset(Language lang, String text) {
    return text.isEmpty()
        ? text
        : typeset.get(new Text(lang, text), key -> Typography.apply(lang, text));
  }

  /**
   * A picture of a media file: with its sizes when the library holds it, else the file alone (a
   * file put in the media directory by hand).
   */
  public Picture picture(String file, String sizes) {
    return Picture.of(images, urls, file, sizes)
        .orElseGet(() -> new Picture(urls.media(file), null, null, 0, 0, "", ""));
  }

  public List<Link> authorLinks(Language lang, List<Author> authors) {
    return authors.stream().map(w -> new Link(urls.author(lang, w.slug()), w.name())).toList();
  }
}
