package org.tamizdat.admin.editorial;

import java.time.Instant;
import org.tamizdat.article.Language;

/** One line of the admin article list. */
public record ArticleRow(
    long id,
    Language lang,
    String slug,
    String title,
    WorkflowState state,
    String sectionSlug,
    String bylines,
    Instant publishedAt,
    Instant updatedAt,
    Long ownerId) {}
