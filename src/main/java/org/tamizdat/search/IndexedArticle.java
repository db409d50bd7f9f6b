package org.tamizdat.search;

import java.time.Instant;
import org.tamizdat.article.Language;

/** The plain text of an article that may go into the index, with what results filter on. */
public record IndexedArticle(
    long id,
    Language lang,
    String title,
    String dek,
    String body,
    String sectionSlug,
    Instant publishedAt) {}
