package org.tamizdat.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Translation;
import org.tamizdat.article.Language;
import org.tamizdat.site.ArticleHead;
import org.tamizdat.site.ArticleHead.MetaTag;
import org.tamizdat.site.ArticleMetadata;
import org.tamizdat.site.Urls;

/**
 * OpenGraph and Twitter card tags, which messengers and social networks read to preview a shared
 * link, plus the article's JSON-LD. Every URL is canonical: a link shared from a mirror previews as
 * the newsroom's own.
 */
public final class LinkPreviews implements ArticleMetadata {
  private static final Map<Language, String> LOCALES =
      Map.of(Language.EN, "en_US", Language.RU, "ru_RU");

  private final Urls urls;
  private final Map<Language, String> siteNames;
  private final NewsArticleJsonLd jsonLd;

  public LinkPreviews(Urls urls, Map<Language, String> siteNames, String logoPath) {
    this.urls = urls;
    this.siteNames = Map.copyOf(siteNames);
    this.jsonLd = new NewsArticleJsonLd(urls, logoPath);
  }

  @Override
  public ArticleHead describe(Article a, String title, String dek, List<Translation> translations) {
    Language lang = a.lang();
    String image = a.leadImage() == null ? null : urls.canonical(urls.media(a.leadImage()));
    List<MetaTag> tags = new ArrayList<>();
    og(tags, "og:type", "article");
    og(tags, "og:site_name", siteNames.get(lang));
    og(tags, "og:title", title);
    og(tags, "og:description", dek);
    og(tags, "og:url", urls.canonical(urls.article(lang, a.publishedAt(), a.slug())));
    og(tags, "og:locale", LOCALES.get(lang));
    translations.forEach(t -> og(tags, "og:locale:alternate", LOCALES.get(t.lang())));
    og(tags, "og:image", image);
    og(tags, "article:published_time", FeedDates.iso(a.publishedAt()));
    if (a.updatedAt().isAfter(a.publishedAt())) {
      og(tags, "article:modified_time", FeedDates.iso(a.updatedAt()));
    }
    og(tags, "article:section", a.section() == null ? null : a.section().name());
    a.authors()
        .forEach(w -> og(tags, "article:author", urls.canonical(urls.author(lang, w.slug()))));
    a.tags().forEach(t -> og(tags, "article:tag", t.name()));
    twitter(tags, "twitter:card", image == null ? "summary" : "summary_large_image");
    twitter(tags, "twitter:title", title);
    twitter(tags, "twitter:description", dek);
    twitter(tags, "twitter:image", image);
    return new ArticleHead(tags, jsonLd.write(a, title, dek, translations, siteNames.get(lang)));
  }

  private static void og(List<MetaTag> tags, String key, String content) {
    if (content != null && !content.isEmpty()) {
      tags.add(new MetaTag(true, key, content));
    }
  }

  private static void twitter(List<MetaTag> tags, String key, String content) {
    if (content != null && !content.isEmpty()) {
      tags.add(new MetaTag(false, key, content));
    }
  }
}
