package org.tamizdat.admin.editorial;

import java.time.Instant;
import org.tamizdat.article.ArticleInput;

/** One saved state of an article: everything that was saved, who saved it, when and why. */
public record Revision(
    long articleId,
    int number,
    ArticleInput content,
    Instant savedAt,
    Long savedBy,
    String savedByName,
    String note) {}
