package org.tamizdat.search;

import java.time.Instant;
import org.tamizdat.article.Language;

/** A public article as the database holds it, with only what the index needs. */
public record StoredArticle(
    long id,
    Language lang,
    String title,
    String dek,
    String bodyHtml,
    String sectionSlug,
    Instant publishedAt) {}
