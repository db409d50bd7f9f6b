package org.tamizdat.admin.editorial;

import java.time.Instant;
import java.util.Objects;

/** What a save does to an article's place in the workflow besides storing its content. */
public sealed interface Transition {
  /** Stays where it is: a draft stays a draft, a published article is updated in place. */
  record Keep() implements Transition {}

  /** An author hands a draft to the editors. */
  record Submit() implements Transition {}

  /** Goes public at {@code at}, which must be in the future. */
  record Schedule(Instant at) implements Transition {
    public Schedule {
      Objects.requireNonNull(at, "at");
    }
  }

  /** Goes public now (an article published before keeps its original time and address). */
  record Publish() implements Transition {}

  /** Back to a draft, out of every public listing. */
  record Unpublish() implements Transition {}

  Transition KEEP = new Keep();
  Transition SUBMIT = new Submit();
  Transition PUBLISH = new Publish();
  Transition UNPUBLISH = new Unpublish();

  /** A few words for the revision list. */
  default String note() {
    return switch (this) {
      case Keep k -> "";
      case Submit s -> "submitted for review";
      case Schedule s -> "scheduled for " + s.at();
      case Publish p -> "published";
      case Unpublish u -> "unpublished";
    };
  }
}
