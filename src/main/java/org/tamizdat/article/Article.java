package org.tamizdat.article;

import java.time.Instant;
import java.util.List;

/** A whole article as a reader sees it; {@code bodyHtml} is already sanitized. */
public record Article(
    long id,
    Language lang,
    String slug,
    String translationGroup,
    String kicker,
    String title,
    String dek,
    String bodyHtml,
    Section section,
    List<Author> authors,
    List<Tag> tags,
    Status status,
    Instant publishedAt,
    Instant updatedAt,
    String leadImage,
    String leadCaption) {

  public ArticleSummary summary() {
    return new ArticleSummary(
        id, lang, slug, kicker, title, dek, section, authors, publishedAt, leadImage, leadCaption);
  }
}
