package org.tamizdat.article;

import java.time.Instant;
import java.util.List;

/** What a listing shows of an article. */
public record ArticleSummary(
    long id,
    Language lang,
    String slug,
    String kicker,
    String title,
    String dek,
    Section section,
    List<Author> authors,
    Instant publishedAt,
    String leadImage,
    String leadCaption) {}
