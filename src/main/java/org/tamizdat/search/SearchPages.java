package org.tamizdat.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.Section;
import org.tamizdat.site.Cards;
import org.tamizdat.site.Editions;
import org.tamizdat.site.FramedPages;
import org.tamizdat.site.Messages;
import org.tamizdat.site.Pager;
import org.tamizdat.site.Urls;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;

/**
 * {@code /{lang}/search}: the search form and its results, rendered on the server so it works
 * without JavaScript. Never cached: queries are as many as readers, and what a reader searched for
 * is nobody else's business (the access log records the path without the query).
 */
public final class SearchPages {
  static final int PAGE_SIZE = 10;
  private static final Logger log = LoggerFactory.getLogger(SearchPages.class);

  private final Searcher searcher;
  private final ArticleRepository articles;
  private final CatalogRepository catalog;
  private final FramedPages framed;
  private final Urls urls;
  private final Cards cards;
  private final Messages messages;

  public SearchPages(
      Searcher searcher,
      ArticleRepository articles,
      CatalogRepository catalog,
      FramedPages framed,
      Urls urls,
      Cards cards,
      Messages messages) {
    this.searcher = searcher;
    this.articles = articles;
    this.catalog = catalog;
    this.framed = framed;
    this.urls = urls;
    this.cards = cards;
    this.messages = messages;
  }

  public Response page(Request request) {
    Language lang = Editions.fromPath(request);
    Messages.Bundle text = messages.bundle(lang);
    List<Section> sections = catalog.sections(lang);
    SearchForm form =
        SearchForm.read(request, sections.stream().map(Section::slug).collect(Collectors.toSet()));
    String action = urls.search(lang);
    String other = urls.search(lang.other());
    String title =
        form.query().isEmpty()
            ? text.get("search.title")
            : text.format("search.title.query", form.text());
    String otherEdition = form.query().isEmpty() ? other : form.link(other, 1);
    BiFunction<Integer, SearchView, Response> render =
        (status, view) ->
            Response.html(
                status, framed.render(lang, title, action, otherEdition, "search.jte", view));
    String notice =
        form.query().shortened() ? text.format("search.shortened", UserQuery.MAX_LENGTH) : null;
    SearchView.Form shown =
        new SearchView.Form(action, form, sectionOptions(sections, form, text), orders(form, text));
    if (form.query().isEmpty()) {
      return render.apply(200, new SearchView(shown, notice, null, List.of(), null));
    }
    Searcher.Results results;
    try {
      results =
          searcher.search(
              new SearchRequest(
                  lang,
                  form.query(),
                  form.section(),
                  form.from(),
                  form.to(),
                  form.order(),
                  form.page(),
                  PAGE_SIZE));
    } catch (IOException | RuntimeException e) {
      log.error("search failed", e);
      String unavailable = text.get("search.unavailable");
      return render.apply(503, new SearchView(shown, unavailable, null, List.of(), null));
    }
    PageOf<SearchHit> found = results.page();
    String summary =
        found.total() == 0
            ? text.format("search.none", form.text())
            : text.format(
                results.totalIsExact() ? "search.found" : "search.found.more",
                found.total(),
                form.text());
    int page = form.page();
    Pager pager =
        new Pager(
            found.hasPrevious() ? form.link(action, page - 1) : null,
            found.hasNext() && page < SearchForm.MAX_PAGE ? form.link(action, page + 1) : null,
            text.format("pager.label", page, Math.min(found.pageCount(), SearchForm.MAX_PAGE)));
    return render.apply(
        200, new SearchView(shown, notice, summary, results(lang, found.items()), pager));
  }

  /** Headlines, dates and bylines come from the database, so they are as current as the site. */
  private List<SearchView.Result> results(Language lang, List<SearchHit> hits) {
    Map<Long, ArticleSummary> byId =
        articles.summaries(lang, hits.stream().map(SearchHit::articleId).toList()).stream()
            .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
    return hits.stream()
        .filter(hit -> byId.containsKey(hit.articleId()))
        .map(hit -> new SearchView.Result(cards.card(byId.get(hit.articleId())), hit.snippet()))
        .toList();
  }

  private static List<SearchView.Option> orders(SearchForm form, Messages.Bundle text) {
    return List.of(
        new SearchView.Option(
            "relevance",
            text.get("search.sort.relevance"),
            form.order() == SearchRequest.Order.RELEVANCE),
        new SearchView.Option(
            "newest", text.get("search.sort.newest"), form.order() == SearchRequest.Order.NEWEST));
  }

  private static List<SearchView.Option> sectionOptions(
      List<Section> sections, SearchForm form, Messages.Bundle text) {
    List<SearchView.Option> options = new ArrayList<>();
    options.add(new SearchView.Option("", text.get("search.section.all"), form.section() == null));
    for (Section s : sections) {
      options.add(new SearchView.Option(s.slug(), s.name(), s.slug().equals(form.section())));
    }
    return options;
  }
}
