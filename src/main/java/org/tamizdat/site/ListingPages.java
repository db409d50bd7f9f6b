package org.tamizdat.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Author;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.PublishedArticles;
import org.tamizdat.article.PublishedCatalog;
import org.tamizdat.article.Section;
import org.tamizdat.article.Tag;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/** Edition homes and the section, tag and author pages: paginated lists of articles. */
public final class ListingPages {
  public static final int PAGE_SIZE = 10;
  private static final int MAX_PAGE = 10_000;

  private final PublishedArticles articles;
  private final ListingIndex listings;
  private final PublishedCatalog catalog;
  private final ChromeBuilder chrome;
  private final Templates templates;
  private final Urls urls;
  private final Cards cards;
  private final Messages messages;

  public ListingPages(
      PublishedArticles articles,
      ListingIndex listings,
      PublishedCatalog catalog,
      ChromeBuilder chrome,
      Templates templates,
      Urls urls,
      Cards cards,
      Messages messages) {
    this.articles = articles;
    this.listings = listings;
    this.catalog = catalog;
    this.chrome = chrome;
    this.templates = templates;
    this.urls = urls;
    this.cards = cards;
    this.messages = messages;
  }

  /** What one listing shows and how it links to the other edition. */
  private record Listing(
      Language lang,
      String path,
      Filter filter,
      String heading,
      String intro,
      String title,
      List<Alternate> alternates,
      String switchUrl,
      String activeSection,
      boolean isHome,
      String photo) {}

  public Response home(Request request) {
    Language lang = Editions.fromPath(request);
    List<Alternate> alternates = new ArrayList<>(inBothEditions(urls::home));
    alternates.add(new Alternate("x-default", urls.canonical(urls.home(Language.EN))));
    String title = messages.format(lang, "home.title", chrome.siteName(lang));
    return render(
        request,
        new Listing(
            lang,
            urls.home(lang),
            new Filter.Edition(),
            messages.get(lang, "home.heading"),
            null,
            title,
            alternates,
            urls.home(lang.other()),
            null,
            true,
            null));
  }

  public Response section(Request request) {
    Language lang = Editions.fromPath(request);
    String slug = request.param("slug");
    Section section =
        catalog.section(lang, slug).orElseThrow(() -> HttpError.notFound("no such section"));
    String path = urls.section(lang, slug);
    return render(
        request,
        new Listing(
            lang,
            path,
            new Filter.InSection(section.id()),
            section.name(),
            null,
            section.name(),
            inBothEditions(l -> urls.section(l, slug)),
            urls.section(lang.other(), slug),
            path,
            false,
            null));
  }

  /** Tags are words of one edition, so a tag page has no counterpart in the other. */
  public Response tag(Request request) {
    Language lang = Editions.fromPath(request);
    Tag tag =
        catalog
            .tag(lang, request.param("slug"))
            .orElseThrow(() -> HttpError.notFound("no such tag"));
    String path = urls.tag(lang, tag.slug());
    String title = messages.format(lang, "tag.title", tag.name());
    return render(
        request,
        new Listing(
            lang,
            path,
            new Filter.WithTag(tag.id()),
            title,
            null,
            title,
            List.of(new Alternate(lang.code(), urls.canonical(path))),
            urls.home(lang.other()),
            null,
            false,
            null));
  }

  public Response author(Request request) {
    Language lang = Editions.fromPath(request);
    String slug = request.param("slug");
    Author author =
        catalog.author(lang, slug).orElseThrow(() -> HttpError.notFound("no such author"));
    return render(
        request,
        new Listing(
            lang,
            urls.author(lang, slug),
            new Filter.ByAuthor(author.id()),
            author.name(),
            author.bio(),
            author.name(),
            inBothEditions(l -> urls.author(l, slug)),
            urls.author(lang.other(), slug),
            null,
            false,
            catalog.authorPhoto(slug).orElse(null)));
  }

  private List<Alternate> inBothEditions(Function<Language, String> pathIn) {
    return List.of(Language.values()).stream()
        .map(l -> new Alternate(l.code(), urls.canonical(pathIn.apply(l))))
        .toList();
  }

  private Response render(Request request, Listing listing) {
    Optional<Integer> legacy = legacyPage(request);
    if (legacy.isPresent()) {
      return Response.redirect(301, urls.paged(listing.path, legacy.get()));
    }
    int page = page(request);
    if (page == 1 && request.param("page") != null) {
      return Response.redirect(301, listing.path);
    }
    Language lang = listing.lang;
    PageOf<ArticleSummary> found = page(lang, listing.filter, page);
    if (page > found.pageCount()) {
      throw HttpError.notFound("no such page");
    }
    String pageTitle =
        page > 1 ? messages.format(lang, "pager.title", listing.title, page) : listing.title;
    // The home page's title already names the outlet; other pages add it after a dash.
    String fullTitle = listing.isHome ? pageTitle : pageTitle + " — " + chrome.siteName(lang);
    Chrome layout =
        chrome.build(
            lang,
            fullTitle,
            listing.intro,
            urls.paged(listing.path, page),
            listing.alternates,
            listing.switchUrl,
            listing.activeSection);
    Pager pager =
        new Pager(
            found.hasPrevious() ? urls.paged(listing.path, page - 1) : null,
            found.hasNext() ? urls.paged(listing.path, page + 1) : null,
            messages.format(lang, "pager.label", page, found.pageCount()));
    ListingView view =
        new ListingView(
            layout,
            listing.heading,
            listing.intro,
            found.items().stream().map(cards::card).toList(),
            pager,
            listing.isHome && page == 1,
            listing.photo == null ? null : cards.picture(listing.photo, Picture.AUTHOR_SIZES));
    return Response.html(200, templates.render("listing.jte", view)).cacheable();
  }

  private PageOf<ArticleSummary> page(Language lang, Filter filter, int page) {
    long[] ids = listings.ids(lang, filter);
    int from = Math.min(ids.length, (page - 1) * PAGE_SIZE);
    List<Long> slice =
        Arrays.stream(ids, from, Math.min(ids.length, from + PAGE_SIZE)).boxed().toList();
    return new PageOf<>(articles.summaries(lang, slice), page, PAGE_SIZE, ids.length);
  }

  /** {@code /page/N} in the path: absent means 1; anything but a plain number in range is 404. */
  static int page(Request request) {
    String raw = request.param("page");
    if (raw == null) {
      return 1;
    }
    if (!raw.matches("[1-9][0-9]{0,4}") || Integer.parseInt(raw) > MAX_PAGE) {
      throw HttpError.notFound("no such page");
    }
    return Integer.parseInt(raw);
  }

  /**
   * Pages used to be {@code ?page=N}; such links are sent to the path form. Anything but a plain
   * number in range is a bad request.
   */
  private static Optional<Integer> legacyPage(Request request) {
    Optional<String> raw = request.query("page");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (!raw.get().matches("[0-9]{1,5}")) {
      throw HttpError.badRequest("bad page number");
    }
    int page = Integer.parseInt(raw.get());
    if (page < 1 || page > MAX_PAGE) {
      throw HttpError.badRequest("page out of range");
    }
    return Optional.of(page);
  }
}
