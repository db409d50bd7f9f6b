package org.tamizdat.admin.editorial;

import java.time.Instant;
import org.tamizdat.article.ArticleInput;

/**
 * An article as the editor sees it: its content in the shape it is written in, and its place in the
 * workflow. {@code revision} is the latest revision's number (0 before the first save through the
 * editor), which a form sends back so a save over someone else's is noticed.
 */
public record EditorialArticle(
    long id,
    ArticleInput content,
    WorkflowState state,
    Long ownerId,
    Long translationOf,
    Instant submittedAt,
    Instant updatedAt,
    int revision) {}
