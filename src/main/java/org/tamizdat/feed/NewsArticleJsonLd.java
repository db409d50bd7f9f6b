package org.tamizdat.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleRepository.Translation;
import org.tamizdat.article.Author;
import org.tamizdat.article.Language;
import org.tamizdat.article.Tag;
import org.tamizdat.site.Urls;

/**
 * A schema.org {@code NewsArticle} for search engines, linked to its other-language versions with
 * {@code workTranslation} (on the original) or {@code translationOfWork} (on a translation).
 */
final class NewsArticleJsonLd {
  private final Urls urls;
  private final String logoPath;

  NewsArticleJsonLd(Urls urls, String logoPath) {
    this.urls = urls;
    this.logoPath = logoPath;
  }

  String write(
      Article a, String title, String dek, List<Translation> translations, String siteName) {
    Language lang = a.lang();
    String url = url(ArticleVersion.of(a));
    JsonOutput out = new JsonOutput();
    JsonGenerator json = out.json();
    try {
      json.writeStartObject();
      out.field("@context", "https://schema.org")
          .field("@type", "NewsArticle")
          .field("@id", url)
          .field("url", url)
          .field("mainEntityOfPage", url)
          .field("headline", title)
          .field("description", dek)
          .field("inLanguage", lang.code())
          .field("datePublished", FeedDates.iso(a.publishedAt()))
          .field(
              "dateModified",
              FeedDates.iso(
                  a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt()));
      if (a.leadImage() != null) {
        out.strings("image", List.of(urls.canonical(urls.media(a.leadImage()))));
      }
      if (a.section() != null) {
        out.field("articleSection", a.section().name());
      }
      out.strings("keywords", a.tags().stream().map(Tag::name).toList());
      json.writeArrayFieldStart("author");
      for (Author author : a.authors()) {
        json.writeStartObject();
        out.field("@type", "Person")
            .field("name", author.name())
            .field("url", urls.canonical(urls.author(lang, author.slug())));
        json.writeEndObject();
      }
      json.writeEndArray();
      publisher(out, lang, siteName);
      translations(out, a, translations);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.finishForHtml();
  }

  private void publisher(JsonOutput out, Language lang, String siteName) throws IOException {
    JsonGenerator json = out.json();
    json.writeObjectFieldStart("publisher");
    out.field("@type", "NewsMediaOrganization")
        .field("name", siteName)
        .field("url", urls.canonical(urls.home(lang)));
    json.writeObjectFieldStart("logo");
    out.field("@type", "ImageObject").field("url", urls.canonical(logoPath));
    json.writeEndObject();
    json.writeEndObject();
  }

  private void translations(JsonOutput out, Article a, List<Translation> translations)
      throws IOException {
    if (translations.isEmpty()) {
      return;
    }
    JsonGenerator json = out.json();
    ArticleVersion original = ArticleVersion.original(a, translations);
    if (original.equals(ArticleVersion.of(a))) {
      json.writeArrayFieldStart("workTranslation");
      for (Translation t : translations) {
        reference(out, ArticleVersion.of(t));
      }
      json.writeEndArray();
    } else {
      json.writeFieldName("translationOfWork");
      reference(out, original);
    }
  }

  private void reference(JsonOutput out, ArticleVersion version) throws IOException {
    out.json().writeStartObject();
    out.field("@type", "NewsArticle")
        .field("@id", url(version))
        .field("url", url(version))
        .field("inLanguage", version.lang().code());
    out.json().writeEndObject();
  }

  private String url(ArticleVersion v) {
    return urls.canonical(urls.article(v.lang(), v.publishedAt(), v.slug()));
  }
}
