package org.tamizdat.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Translation;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedArticles;
import org.tamizdat.article.Slugs;
import org.tamizdat.article.Typography;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/** The article page at {@code /{lang}/{year}/{month}/{day}/{slug}}. */
public final class ArticlePages {
  private final PublishedArticles articles;
  private final ChromeBuilder chrome;
  private final Templates templates;
  private final Urls urls;
  private final Dates dates;
  private final Cards cards;
  private final ArticleMetadata metadata;
  private final StoredImages images;

  public ArticlePages(
      PublishedArticles articles,
      ChromeBuilder chrome,
      Templates templates,
      Urls urls,
      Dates dates,
      Cards cards,
      ArticleMetadata metadata) {
    this(articles, chrome, templates, urls, dates, cards, metadata, StoredImages.NONE);
  }

  public ArticlePages(
      PublishedArticles articles,
      ChromeBuilder chrome,
      Templates templates,
      Urls urls,
      Dates dates,
      Cards cards,
      ArticleMetadata metadata,
      StoredImages images) {
    this.images = images;
    this.articles = articles;
    this.chrome = chrome;
    this.templates = templates;
    this.urls = urls;
    this.dates = dates;
    this.cards = cards;
    this.metadata = metadata;
  }

  public Response article(Request request) {
    Language lang = Editions.fromPath(request);
    String slug = request.param("slug");
    if (!Slugs.isValid(slug) || !isDatePath(request)) {
      throw HttpError.notFound("not an article address");
    }
    Article article =
        articles.findPublished(lang, slug).orElseThrow(() -> HttpError.notFound("no such article"));
    String path = urls.article(lang, article.publishedAt(), slug);
    if (!path.equals(request.path())) {
      // Same article, another date in the address (e.g. the time zone or date changed): one
      // canonical URL.
      return Response.redirect(301, path);
    }
    return Response.html(200, page(article, path)).cacheable();
  }

  /**
   * The page of any article, public or not, exactly as readers get it: the admin's preview renders
   * drafts through here, so it cannot drift from the public page. Caching is the caller's choice.
   */
  public byte[] page(Article article) {
    return page(article, urls.article(article.lang(), article.publishedAt(), article.slug()));
  }

  private byte[] page(Article article, String path) {
    Language lang = article.lang();
    String slug = article.slug();
    List<Translation> translations = articles.translations(article);
    List<Alternate> alternates = new ArrayList<>();
    alternates.add(new Alternate(lang.code(), urls.canonical(path)));
    String switchUrl = urls.home(lang.other());
    for (Translation t : translations) {
      String url = urls.article(t.lang(), t.publishedAt(), t.slug());
      alternates.add(new Alternate(t.lang().code(), urls.canonical(url)));
      if (t.lang() == lang.other()) {
        switchUrl = url;
      }
    }
    String title = cards.typeset(lang, article.title());
    String dek = cards.typeset(lang, article.dek());
    Chrome layout =
        chrome.build(
            lang,
            title + " — " + chrome.siteName(lang),
            dek.isEmpty() ? null : dek,
            path,
            alternates,
            switchUrl,
            article.section() == null ? null : urls.section(lang, article.section().slug()));
    Optional<Picture> lead = Picture.of(images, urls, article.leadImage(), Picture.STORY_SIZES);
    boolean updated = article.updatedAt().isAfter(article.publishedAt().plusSeconds(60));
    ArticleView view =
        new ArticleView(
            layout,
            article.kicker().isEmpty() || article.section() == null
                ? null
                : new Link(
                    urls.section(lang, article.section().slug()),
                    cards.typeset(lang, article.kicker())),
            title,
            dek,
            lead.map(Picture::src)
                .orElse(article.leadImage() == null ? null : urls.media(article.leadImage())),
            article.leadCaption() == null ? null : Typography.apply(lang, article.leadCaption()),
            cards.authorLinks(lang, article.authors()),
            dates.day(lang, article.publishedAt()),
            Dates.iso(article.publishedAt()),
            updated ? dates.dayTime(lang, article.updatedAt()) : null,
            updated ? Dates.iso(article.updatedAt()) : null,
            ResponsiveBody.apply(article.bodyHtml(), images, urls),
            article.tags().stream().map(t -> new Link(urls.tag(lang, t.slug()), t.name())).toList(),
            metadata.describe(article, title, dek, translations),
            lead.orElse(null));
    return templates.render("article.jte", view);
  }

  private static boolean isDatePath(Request request) {
    return request.param("year").matches("[0-9]{4}")
        && request.param("month").matches("[0-9]{2}")
        && request.param("day").matches("[0-9]{2}");
  }
}
