package org.tamizdat.article;

import java.util.Collection;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Keeps text that must never be public from leaving: the protected-sources publish guard, declared
 * here so that the writer and every public read path can consult it without depending on the
 * sources package. Both methods read what they need through the caller's handle, so the check sees
 * exactly the rows the caller sees (and, in the writer, the row just written).
 */
public interface PublishedTextGuard {
  /** Consults nothing: for tests and tools that have no sources. */
  PublishedTextGuard NONE =
      new PublishedTextGuard() {
        @Override
        public Set<Long> withheld(Handle h, Collection<Long> articleIds) {
          return Set.of();
        }

        @Override
        public void admit(Handle h, long articleId) {}
      };

  /**
   * The articles among {@code articleIds} whose stored text must not reach readers now. Defence in
   * depth: the writer refuses such text, but a row may have been changed behind its back.
   */
  Set<Long> withheld(Handle h, Collection<Long> articleIds);

  /**
   * Lets the article, as stored in {@code h}'s transaction, go public (published or scheduled), or
   * throws {@link PublicationRefused} saying where the text gives a protected source away.
   */
  void admit(Handle h, long articleId);
}
