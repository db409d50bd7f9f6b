package org.tamizdat.site;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.tamizdat.article.Language;

/** Every public URL is built here, so links and routes cannot drift apart. */
public final class Urls {
  private final URI baseUrl;
  private final ZoneId zone;

  public Urls(URI baseUrl, ZoneId zone) {
    this.baseUrl = baseUrl;
    this.zone = zone;
  }

  public String home(Language lang) {
    return "/" + lang.code() + "/";
  }

  /** {@code /en/2026/11/25/slug}: the date is the publication day in the newsroom's zone. */
  public String article(Language lang, Instant publishedAt, String slug) {
    LocalDate day = publishedAt.atZone(zone).toLocalDate();
    return String.format(
        "/%s/%04d/%02d/%02d/%s",
        lang.code(), day.getYear(), day.getMonthValue(), day.getDayOfMonth(), slug);
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

  public String paged(String path, int page) {
    return page <= 1 ? path : path + "?page=" + page;
  }

  public String absolute(String path) {
    return baseUrl + path;
  }
}
