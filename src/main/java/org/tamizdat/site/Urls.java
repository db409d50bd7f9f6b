package org.tamizdat.site;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.tamizdat.article.Language;

/**
 * Every public URL is built here, so links and routes cannot drift apart. Pages link to each other
 * by path; absolute URLs use one of two bases. The canonical base is where search engines and
 * shared links should point (the primary site, or the onion service in an onion export); the served
 * base is where this copy of the site is read (a mirror, say), for feeds and sitemaps.
 */
public final class Urls {
  private final URI canonicalBase;
  private final URI servedBase;
  private final Optional<URI> onionBase;
  private final ZoneId zone;

  public Urls(URI baseUrl, ZoneId zone) {
    this(baseUrl, baseUrl, Optional.empty(), zone);
  }

  public Urls(URI canonicalBase, URI servedBase, Optional<URI> onionBase, ZoneId zone) {
    this.canonicalBase = canonicalBase;
    this.servedBase = servedBase;
    this.onionBase = onionBase;
    this.zone = zone;
  }

  public String home(Language lang) {
    return "/" + lang.code() + "/";
  }

  /** {@code /en/2026/11/25/slug}: the date is the publication day in the newsroom's zone. */
  public String article(Language lang, Instant publishedAt, String slug) {
    LocalDate day = publishedAt.atZone(zone).toLocalDate();
    if (day.getYear() < 1000 || day.getYear() > 9999) {
      return String.format(
          "/%s/%04d/%02d/%02d/%s",
          lang.code(), day.getYear(), day.getMonthValue(), day.getDayOfMonth(), slug);
    }
    // Built by hand: String.format was a tenth of rendering a listing, which links ten of these.
    StringBuilder path = new StringBuilder(16 + slug.length());
    path.append('/').append(lang.code()).append('/').append(day.getYear()).append('/');
    twoDigits(path, day.getMonthValue()).append('/');
    return twoDigits(path, day.getDayOfMonth()).append('/').append(slug).toString();
  }

  private static StringBuilder twoDigits(StringBuilder to, int value) {
    return to.append(value < 10 ? "0" : "").append(value);
  }

  public String section(Language lang, String slug) {
    return "/" + lang.code() + "/section/" + slug;
  }

  public String tag(Language lang, String slug) {
    return "/" + lang.code() + "/tag/" + slug;
  }

  public String author(Language lang, String slug) {
    return "/" + lang.code() + "/author/" + slug;
  }

  public String search(Language lang) {
    return "/" + lang.code() + "/search";
  }

  public String media(String file) {
    return "/media/" + file;
  }

  /**
   * Page N of a listing is a path ({@code /en/page/2}, {@code /en/section/x/page/2}), not a query,
   * so that a static export can hold every page as a file.
   */
  public String paged(String path, int page) {
    if (page <= 1) {
      return path;
    }
    return (path.endsWith("/") ? path : path + "/") + "page/" + page;
  }

  /** {@code /en/feed.atom}, {@code /en/section/x/feed.atom}: a listing's feed sits under it. */
  public String feed(String listingPath, FeedFormat format) {
    return (listingPath.endsWith("/") ? listingPath : listingPath + "/")
        + "feed."
        + format.extension();
  }

  public String reachUs(Language lang) {
    return "/" + lang.code() + "/reach-us";
  }

  public String mirrorList() {
    return "/mirrors.json";
  }

  public String robots() {
    return "/robots.txt";
  }

  public String sitemapIndex() {
    return "/sitemap.xml";
  }

  /** {@code /sitemaps/articles-2026-11.xml}, {@code /sitemaps/news.xml}... */
  public String sitemap(String name) {
    return "/sitemaps/" + name + ".xml";
  }

  /** Where this copy of the site is read: for feeds, sitemap files and robots.txt. */
  public String absolute(String path) {
    return servedBase + path;
  }

  /** Where the page canonically lives: canonical and hreflang links, structured data. */
  public String canonical(String path) {
    return canonicalBase + path;
  }

  /** The same page on the onion service, when there is one. */
  public Optional<String> onion(String path) {
    return onionBase.map(base -> base + path);
  }
}
