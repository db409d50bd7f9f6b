package org.tamizdat.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.ArticleSummary;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedArticles;
import org.tamizdat.article.PublishedCatalog;
import org.tamizdat.article.Tag;
import org.tamizdat.article.Typography;
import org.tamizdat.media.MediaFiles;
import org.tamizdat.site.FeedFormat;
import org.tamizdat.site.Messages;
import org.tamizdat.site.Urls;

/** Reads what a feed holds: the latest articles of an edition or a section, bodies and all. */
public final class FeedSource {
  static final int SIZE = 20;

  private final PublishedArticles articles;
  private final PublishedCatalog catalog;
  private final MediaFiles media;
  private final Urls urls;
  private final Messages messages;
  private final Map<Language, String> siteNames;
  private final String iconPath;

  public FeedSource(
      PublishedArticles articles,
      PublishedCatalog catalog,
      MediaFiles media,
      Urls urls,
      Messages messages,
      Map<Language, String> siteNames,
      String iconPath) {
    this.articles = articles;
    this.catalog = catalog;
    this.media = media;
    this.urls = urls;
    this.messages = messages;
    this.siteNames = Map.copyOf(siteNames);
    this.iconPath = iconPath;
  }

  Feed edition(Language lang) {
    String site = siteNames.get(lang);
    return build(
        lang,
        urls.home(lang),
        new Filter.Edition(),
        site,
        messages.format(lang, "home.title", site));
  }

  Optional<Feed> section(Language lang, String slug) {
    String site = siteNames.get(lang);
    return catalog
        .section(lang, slug)
        .map(section ->
            build(
                lang,
                urls.section(lang, slug),
                new Filter.InSection(section.id()),
                section.name() + " · " + site,
                messages.format(lang, "feed.section.description", section.name(), site)));
  }

  private Feed build(
      Language lang, String listingPath, Filter filter, String title, String description) {
    List<FeedEntry> entries = new ArrayList<>();
    for (ArticleSummary summary : articles.list(lang, filter, 1, SIZE).items()) {
      // Gone between the two reads (unpublished this very moment): simply not in this feed.
      articles.findPublished(lang, summary.slug()).map(this::entry).ifPresent(entries::add);
    }
    Map<FeedFormat, String> feedUrls = new EnumMap<>(FeedFormat.class);
    for (FeedFormat format : FeedFormat.values()) {
      feedUrls.put(format, urls.absolute(urls.feed(listingPath, format)));
    }
    return new Feed(
        lang,
        urls.canonical(listingPath),
        title,
        description,
        urls.absolute(listingPath),
        urls.absolute(iconPath),
        feedUrls,
        entries.stream()
            .map(FeedEntry::updated)
            .max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH),
        entries);
  }

  private FeedEntry entry(Article a) {
    Language lang = a.lang();
    String path = urls.article(lang, a.publishedAt(), a.slug());
    String url = urls.absolute(path);
    List<String> categories = new ArrayList<>();
    if (a.section() != null) {
      categories.add(a.section().name());
    }
    a.tags().stream().map(Tag::name).filter(n -> !categories.contains(n)).forEach(categories::add);
    return new FeedEntry(
        urls.canonical(path),
        url,
        Typography.apply(lang, a.title()),
        Typography.apply(lang, a.dek()),
        AbsoluteLinks.resolve(a.bodyHtml(), urls.absolute(""), url),
        a.publishedAt(),
        a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt(),
        a.authors().stream()
            .map(w -> new FeedEntry.Person(w.name(), urls.absolute(urls.author(lang, w.slug()))))
            .toList(),
        categories,
        a.leadImage() == null
            ? null
            : new FeedEntry.Image(
                urls.absolute(urls.media(a.leadImage())),
                MediaFiles.contentType(a.leadImage()),
                media.size(a.leadImage())));
  }
}
