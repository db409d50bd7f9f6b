package org.tamizdat.feed;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.article.PublishedIndex.Entry;
import org.tamizdat.article.Typography;
import org.tamizdat.site.Urls;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/**
 * {@code /sitemap.xml} indexes {@code /sitemaps/pages.xml} (edition homes, sections), one file of
 * articles per month of publication ({@code articles-2026-11.xml}, each URL with its translations
 * as {@code xhtml:link hreflang}) and a Google News sitemap of the last two days. Page URLs are
 * canonical; the files themselves are linked where this copy of the site is served.
 */
public final class Sitemaps {
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
  static final Duration NEWS_WINDOW = Duration.ofDays(2);
  private static final Pattern MONTH = Pattern.compile("articles-([0-9]{4})-([0-9]{2})\\.xml");
  private static final String XML = "application/xml; charset=utf-8";

  private final PublishedIndex index;
  private final CatalogRepository catalog;
  private final Urls urls;
  private final Map<Language, String> siteNames;
  private final ZoneId zone;
  private final Clock clock;

  public Sitemaps(
      PublishedIndex index,
      CatalogRepository catalog,
      Urls urls,
      Map<Language, String> siteNames,
      ZoneId zone,
      Clock clock) {
    this.index = index;
    this.catalog = catalog;
    this.urls = urls;
    this.siteNames = Map.copyOf(siteNames);
    this.zone = zone;
    this.clock = clock;
  }

  public void register(Router router) {
    router.get("/sitemap.xml", request -> index());
    router.get("/sitemaps/{file}", this::file);
  }

  /** Every sitemap file for these articles: what the static export writes. */
  public static List<String> paths(List<Entry> visible, Urls urls, ZoneId zone) {
    List<String> paths = new ArrayList<>(List.of(urls.sitemapIndex(), urls.sitemap("pages")));
    months(visible, zone).keySet().forEach(month -> paths.add(urls.sitemap(monthName(month))));
    paths.add(urls.sitemap("news"));
    return paths;
  }

  /** The file listing the articles published in this month. */
  public static String monthPath(Urls urls, YearMonth month) {
    return urls.sitemap(monthName(month));
  }

  private Response index() {
    List<Entry> visible = index.all(clock.instant());
    XmlOutput x = new XmlOutput().root("sitemapindex", NS);
    // The pages file lists addresses only, which change with sections, not with articles.
    indexEntry(x, "pages", null);
    months(visible, zone).forEach((month, lastmod) -> indexEntry(x, monthName(month), lastmod));
    indexEntry(x, "news", visible.isEmpty() ? null : visible.getLast().publishedAt());
    return xml(x.end().finish());
  }

  private void indexEntry(XmlOutput x, String name, Instant lastmod) {
    x.start("sitemap").element("loc", urls.absolute(urls.sitemap(name)));
    if (lastmod != null) {
      x.element("lastmod", FeedDates.iso(lastmod));
    }
    x.end();
  }

  private Response file(Request request) {
    String name = request.param("file");
    if (name.equals("pages.xml")) {
      return pages();
    } else if (name.equals("news.xml")) {
      return news();
    }
    Matcher month = MONTH.matcher(name);
    if (!month.matches()) {
      throw HttpError.notFound("no such sitemap");
    }
    try {
      return month(
          YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
    } catch (DateTimeException e) {
      throw HttpError.notFound("no such month");
    }
  }

  private Response month(YearMonth month) {
    Instant now = clock.instant();
    List<Entry> entries =
        index.publishedBetween(
            month.atDay(1).atStartOfDay(zone).toInstant(),
            month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
            now);
    if (entries.isEmpty()) {
      throw HttpError.notFound("nothing published that month");
    }
    Map<String, List<Entry>> groups =
        index.groups(
            entries.stream().map(Entry::group).filter(g -> g != null).distinct().toList(), now);
    XmlOutput x = new XmlOutput().root("urlset", NS, "xhtml", XHTML);
    for (Entry e : entries) {
      x.start("url")
          .element("loc", canonical(e))
          .element("lastmod", FeedDates.iso(e.lastChanged()));
      List<Entry> versions =
          e.group() == null ? List.of() : groups.getOrDefault(e.group(), List.of());
      if (versions.size() > 1) {
        for (Entry version : versions) {
          alternate(x, version.lang().code(), canonical(version));
        }
      }
      x.end();
    }
    return xml(x.end().finish());
  }

  private Response pages() {
    XmlOutput x = new XmlOutput().root("urlset", NS, "xhtml", XHTML);
    // The homes name English as the default for other languages, as their pages do.
    pageInBothEditions(x, urls::home, true);
    pageInBothEditions(x, urls::reachUs, false);
    catalog
        .sections(Language.EN)
        .forEach(s -> pageInBothEditions(x, lang -> urls.section(lang, s.slug()), false));
    return xml(x.end().finish());
  }

  private void pageInBothEditions(
      XmlOutput x, Function<Language, String> pathIn, boolean englishIsDefault) {
    for (Language lang : Language.values()) {
      x.start("url").element("loc", urls.canonical(pathIn.apply(lang)));
      for (Language version : Language.values()) {
        alternate(x, version.code(), urls.canonical(pathIn.apply(version)));
      }
      if (englishIsDefault) {
        alternate(x, "x-default", urls.canonical(pathIn.apply(Language.EN)));
      }
      x.end();
    }
  }

  private Response news() {
    Instant now = clock.instant();
    XmlOutput x = new XmlOutput().root("urlset", NS, "news", NEWS);
    for (Entry e : index.publishedBetween(now.minus(NEWS_WINDOW), now.plusMillis(1), now)) {
      x.start("url")
          .element("loc", canonical(e))
          .start("news:news")
          .start("news:publication")
          .element("news:name", siteNames.get(e.lang()))
          .element("news:language", e.lang().code())
          .end()
          .element("news:publication_date", FeedDates.iso(e.publishedAt()))
          .element("news:title", Typography.apply(e.lang(), e.title()))
          .end()
          .end();
    }
    return xml(x.end().finish());
  }

  private static void alternate(XmlOutput x, String hreflang, String href) {
    x.empty("xhtml:link", "rel", "alternate", "hreflang", hreflang, "href", href);
  }

  private String canonical(Entry e) {
    return urls.canonical(urls.article(e.lang(), e.publishedAt(), e.slug()));
  }

  /** Months with articles, each with its latest change. */
  private static SortedMap<YearMonth, Instant> months(List<Entry> visible, ZoneId zone) {
    SortedMap<YearMonth, Instant> months = new TreeMap<>();
    for (Entry e : visible) {
      months.merge(
          YearMonth.from(e.publishedAt().atZone(zone)),
          e.lastChanged(),
          (a, b) -> a.isAfter(b) ? a : b);
    }
    return months;
  }

  private static String monthName(YearMonth month) {
    return String.format("articles-%04d-%02d", month.getYear(), month.getMonthValue());
  }

  private static Response xml(byte[] body) {
    return Response.of(200, XML, body).cacheable();
  }
}
