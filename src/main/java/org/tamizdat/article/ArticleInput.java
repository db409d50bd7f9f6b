package org.tamizdat.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an editor (or the demo loader, or an importer) writes. Saving is an upsert keyed by language
 * and slug.
 */
public record ArticleInput(
    Language lang,
    String slug,
    String translationGroup,
    String kicker,
    String title,
    String dek,
    String bodyMarkdown,
    String sectionSlug,
    List<String> authorSlugs,
    List<String> tagNames,
    Status status,
    Instant publishedAt,
    Instant updatedAt,
    String leadImage,
    String leadCaption) {

  public ArticleInput {
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(bodyMarkdown, "bodyMarkdown");
    Objects.requireNonNull(status, "status");
    if (!Slugs.isValid(slug)) {
      throw new IllegalArgumentException("invalid slug '" + slug + "'");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be empty");
    }
    if (status == Status.PUBLISHED && publishedAt == null) {
      throw new IllegalArgumentException("a published article needs a publication time");
    }
    authorSlugs = List.copyOf(authorSlugs);
    tagNames = List.copyOf(tagNames);
    kicker = kicker == null ? "" : kicker;
    dek = dek == null ? "" : dek;
  }
}
