package org.tamizdat.admin.editorial;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.tamizdat.article.Status;

/**
 * Where an article is in the newsroom's workflow. Derived from the article row and its workflow row
 * (see V8): the public rule knows only "published and its time has come".
 */
public enum WorkflowState {
  DRAFT("a.status = 'draft' AND w.submitted_at IS NULL"),
  IN_REVIEW("a.status = 'draft' AND w.submitted_at IS NOT NULL"),
  SCHEDULED("a.status = 'published' AND a.published_at > :now"),
  PUBLISHED("a.status = 'published' AND a.published_at <= :now");

  /**
   * The state as a condition on {@code article a LEFT JOIN article_workflow w}, {@code :now} bound.
   */
  final String condition;

  WorkflowState(String condition) {
    this.condition = condition;
  }

  public static WorkflowState of(
      Status status, Instant publishedAt, Instant submittedAt, Instant now) {
    if (status == Status.PUBLISHED) {
      return publishedAt.isAfter(now) ? SCHEDULED : PUBLISHED;
    }
    return submittedAt == null ? DRAFT : IN_REVIEW;
  }

  /** The name in URLs and forms: draft, in-review, scheduled, published. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<WorkflowState> fromCode(String code) {
    for (WorkflowState state : values()) {
      if (state.code().equals(code)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
