package org.tamizdat.export;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedIndex;
import org.tamizdat.article.PublishedIndex.Entry;
import org.tamizdat.feed.Sitemaps;
import org.tamizdat.site.FeedFormat;
import org.tamizdat.site.ListingPages;
import org.tamizdat.site.Urls;

/**
 * Every path the public site has at one moment, worked out from a few queries without rendering a
 * page: what a full export writes, and what no export may leave behind.
 */
public final class SiteInventory {
  static final List<String> ERROR_PAGES = List.of("/404.html", "/en/404.html", "/ru/404.html");
  static final String EDITION_CHOICE = "/";

  /** A paginated list of articles; only edition homes and sections have feeds. */
  record Listing(String path, long articles, boolean hasFeeds) {
    int pageCount() {
      return (int) Math.max(1, (articles + ListingPages.PAGE_SIZE - 1) / ListingPages.PAGE_SIZE);
    }
  }

  final Map<Long, ExportedArticle> articles = new LinkedHashMap<>();
  final Map<String, Listing> listings = new LinkedHashMap<>();
  final Map<String, List<String>> groups = new HashMap<>();
  final List<String> sitemaps;
  final List<String> fixed = new ArrayList<>();
  final Set<String> media = new TreeSet<>();
  private final Urls urls;

  private SiteInventory(Urls urls, List<String> sitemaps) {
    this.urls = urls;
    this.sitemaps = sitemaps;
  }

  static SiteInventory build(
      PublishedIndex index, CatalogRepository catalog, Urls urls, ZoneId zone, Instant now) {
    List<Entry> visible = index.all(now);
    SiteInventory inventory = new SiteInventory(urls, Sitemaps.paths(visible, urls, zone));
    Map<String, Long> counts = new LinkedHashMap<>();
    Set<String> withFeeds = new HashSet<>();
    List<String> authors = catalog.authorSlugs();
    for (Language lang : Language.values()) {
      withFeeds.add(urls.home(lang));
      catalog.sections(lang).forEach(s -> withFeeds.add(urls.section(lang, s.slug())));
      withFeeds.forEach(path -> counts.put(path, 0L));
      // Author pages exist in both editions (the language switch links to them), even empty.
      authors.forEach(slug -> counts.put(urls.author(lang, slug), 0L));
      inventory.fixed.add(urls.reachUs(lang));
    }
    Map<Long, List<String>> tags = index.tagSlugs(now);
    Map<Long, List<String>> bylines = index.authorSlugs(now);
    for (Entry e : visible) {
      List<String> in = new ArrayList<>();
      in.add(urls.home(e.lang()));
      if (e.sectionSlug() != null) {
        in.add(urls.section(e.lang(), e.sectionSlug()));
      }
      tags.getOrDefault(e.id(), List.of()).forEach(t -> in.add(urls.tag(e.lang(), t)));
      bylines.getOrDefault(e.id(), List.of()).forEach(a -> in.add(urls.author(e.lang(), a)));
      in.forEach(listing -> counts.merge(listing, 1L, Long::sum));
      String path = urls.article(e.lang(), e.publishedAt(), e.slug());
      inventory.articles.put(
          e.id(), new ExportedArticle(e.id(), path, e.publishedAt().toEpochMilli(), e.group(), in));
      if (e.group() != null) {
        inventory.groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(path);
      }
      if (e.leadImage() != null) {
        inventory.media.add(e.leadImage());
      }
    }
    counts.forEach((path, count) ->
        inventory.listings.put(path, new Listing(path, count, withFeeds.contains(path))));
    inventory.media.addAll(index.mediaInBodies(now));
    inventory.media.addAll(catalog.authorPhotos());
    inventory.fixed.addAll(List.of(urls.robots(), urls.mirrorList()));
    return inventory;
  }

  List<String> pagesOf(Listing listing) {
    List<String> pages = new ArrayList<>();
    for (int page = 1; page <= listing.pageCount(); page++) {
      pages.add(urls.paged(listing.path(), page));
    }
    return pages;
  }

  List<String> feedsOf(Listing listing) {
    if (!listing.hasFeeds()) {
      return List.of();
    }
    return List.of(FeedFormat.values()).stream().map(f -> urls.feed(listing.path(), f)).toList();
  }

  /**
   * The page of a listing that shows this article. Listings are newest first: the articles after it
   * in publication order (the inventory's own order) come before it.
   */
  String pageShowing(Listing listing, long id) {
    long newer = 0;
    boolean after = false;
    for (ExportedArticle a : articles.values()) {
      if (after && a.listings().contains(listing.path())) {
        newer++;
      }
      after |= a.id() == id;
    }
    return urls.paged(listing.path(), (int) (newer / ListingPages.PAGE_SIZE) + 1);
  }

  String mediaPath(String name) {
    return urls.media(name);
  }

  /** Every page, feed and data file, error pages first (they tell whether the header changed). */
  Set<String> pagePaths() {
    Set<String> paths = new LinkedHashSet<>(ERROR_PAGES);
    paths.add(EDITION_CHOICE);
    paths.addAll(fixed);
    for (Listing listing : listings.values()) {
      paths.addAll(pagesOf(listing));
      paths.addAll(feedsOf(listing));
    }
    // In id order: the pages then read their bodies a block of neighbouring ids at a time.
    articles.values().stream()
        .sorted(Comparator.comparingLong(ExportedArticle::id))
        .forEach(a -> paths.add(a.path()));
    paths.addAll(sitemaps);
    return paths;
  }
}
