package org.tamizdat.site;

import java.util.List;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Author;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.Section;
import org.tamizdat.article.Tag;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/** Edition homes and the section, tag and author pages: paginated lists of articles. */
public final class ListingPages {
  static final int PAGE_SIZE = 10;
  private static final int MAX_PAGE = 10_000;

  private final ArticleRepository articles;
  private final CatalogRepository catalog;
  private final ChromeBuilder chrome;
  private final Templates templates;
  private final Urls urls;
  private final Cards cards;
  private final Messages messages;

  public ListingPages(
      ArticleRepository articles,
      CatalogRepository catalog,
      ChromeBuilder chrome,
      Templates templates,
      Urls urls,
      Cards cards,
      Messages messages) {
    this.messages = messages;
    this.articles = articles;
    this.catalog = catalog;
    this.chrome = chrome;
    this.templates = templates;
    this.urls = urls;
    this.cards = cards;
  }

  public Response home(Request request) {
    Language lang = Editions.fromPath(request);
    String name = chrome.siteName(lang);
    List<Alternate> alternates =
        List.of(
            new Alternate("en", urls.absolute(urls.home(Language.EN))),
            new Alternate("ru", urls.absolute(urls.home(Language.RU))),
            new Alternate("x-default", urls.absolute(urls.home(Language.EN))));
    Listing listing = new Listing(lang, urls.home(lang), new Filter.Edition(), null);
    String heading = messages.get(lang, "home.heading");
    return render(
        request,
        listing,
        heading,
        null,
        messages.format(lang, "home.title", name),
        alternates,
        urls.home(lang.other()),
        true);
  }

  public Response section(Request request) {
    Language lang = Editions.fromPath(request);
    String slug = request.param("slug");
    Section section =
        catalog.section(lang, slug).orElseThrow(() -> HttpError.notFound("no such section"));
    List<Alternate> alternates =
        List.of(
            new Alternate("en", urls.absolute(urls.section(Language.EN, slug))),
            new Alternate("ru", urls.absolute(urls.section(Language.RU, slug))));
    Listing listing =
        new Listing(
            lang,
            urls.section(lang, slug),
            new Filter.InSection(section.id()),
            urls.section(lang, slug));
    return render(
        request,
        listing,
        section.name(),
        null,
        section.name(),
        alternates,
        urls.section(lang.other(), slug),
        false);
  }

  public Response tag(Request request) {
    Language lang = Editions.fromPath(request);
    Tag tag =
        catalog
            .tag(lang, request.param("slug"))
            .orElseThrow(() -> HttpError.notFound("no such tag"));
    String path = urls.tag(lang, tag.slug());
    Listing listing = new Listing(lang, path, new Filter.WithTag(tag.id()), null);
    String title = messages.format(lang, "tag.title", tag.name());
    return render(
        request,
        listing,
        title,
        null,
        title,
        List.of(new Alternate(lang.code(), urls.absolute(path))),
        urls.home(lang.other()),
        false);
  }

  public Response author(Request request) {
    Language lang = Editions.fromPath(request);
    String slug = request.param("slug");
    Author author =
        catalog.author(lang, slug).orElseThrow(() -> HttpError.notFound("no such author"));
    List<Alternate> alternates =
        List.of(
            new Alternate("en", urls.absolute(urls.author(Language.EN, slug))),
            new Alternate("ru", urls.absolute(urls.author(Language.RU, slug))));
    Listing listing =
        new Listing(lang, urls.author(lang, slug), new Filter.ByAuthor(author.id()), null);
    return render(
        request,
        listing,
        author.name(),
        author.bio(),
        author.name(),
        alternates,
        urls.author(lang.other(), slug),
        false);
  }

  private record Listing(Language lang, String path, Filter filter, String activeSection) {}

  private Response render(
      Request request,
      Listing listing,
      String heading,
      String intro,
      String title,
      List<Alternate> alternates,
      String switchUrl,
      boolean featureFirst) {
    int page = page(request);
    PageOf<ArticleSummary> found = articles.list(listing.lang, listing.filter, page, PAGE_SIZE);
    if (page > found.pageCount()) {
      throw HttpError.notFound("no such page");
    }
    String pageTitle = page > 1 ? messages.format(listing.lang, "pager.title", title, page) : title;
    // The home page's title already names the outlet; other pages add it after a dash.
    String fullTitle = featureFirst ? pageTitle : pageTitle + " — " + chrome.siteName(listing.lang);
    Chrome layout =
        chrome.build(
            listing.lang,
            fullTitle,
            intro,
            urls.paged(listing.path, page),
            alternates,
            switchUrl,
            listing.activeSection);
    Pager pager =
        new Pager(
            found.hasPrevious() ? urls.paged(listing.path, page - 1) : null,
            found.hasNext() ? urls.paged(listing.path, page + 1) : null,
            messages.format(listing.lang, "pager.label", page, found.pageCount()));
    ListingView view =
        new ListingView(
            layout,
            heading,
            intro,
            found.items().stream().map(cards::card).toList(),
            pager,
            featureFirst && page == 1);
    return Response.html(200, templates.render("listing.jte", view)).cacheable();
  }

  /** {@code ?page=N}: absent means 1; anything but a plain number in range is a bad request. */
  static int page(Request request) {
    String raw = request.query("page").orElse("1");
    if (!raw.matches("[0-9]{1,5}")) {
      throw HttpError.badRequest("bad page number");
    }
    int page = Integer.parseInt(raw);
    if (page < 1 || page > MAX_PAGE) {
      throw HttpError.badRequest("page out of range");
    }
    return page;
  }
}
