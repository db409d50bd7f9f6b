package org.tamizdat.admin;

import java.util.List;
import org.tamizdat.article.ArticleInput;

/**
 * What must hold before an article goes public, beyond the source guard in the writer: today, alt
 * text for every image. Asked by the editor screens before a publish or schedule, so the refusal
 * names what to fix and nothing is saved.
 */
@FunctionalInterface
public interface PublishChecks {
  /** Asks nothing: for tools and tests that have no media library. */
  PublishChecks NONE = content -> List.of();

  /** What stops {@code content} from going public, one readable sentence each; empty if nothing. */
  List<String> problems(ArticleInput content);
}
