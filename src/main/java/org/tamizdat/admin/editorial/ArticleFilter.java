package org.tamizdat.admin.editorial;

import org.tamizdat.article.Language;

/**
 * What the admin article list is narrowed to; every part may be null (no restriction). {@code
 * ownerId}: only articles this staff member started (an author's own list).
 */
public record ArticleFilter(
    Language lang, WorkflowState state, String sectionSlug, String authorSlug, Long ownerId) {
  public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, null);
}
