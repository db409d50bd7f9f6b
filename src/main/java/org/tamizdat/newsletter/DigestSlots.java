package org.tamizdat.newsletter;

import org.jdbi.v3.core.Handle;
import org.tamizdat.article.Language;

/** Which scheduled digest moments have been handled, and how ({@code digest_slot}). */
public final class DigestSlots {
  public boolean handled(Handle h, Language lang, long slotAt) {
    return h.createQuery("SELECT COUNT(*) FROM digest_slot WHERE lang = :lang AND slot_at = :at")
            .bind("lang", lang.code())
            .bind("at", slotAt)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Records the slot's outcome; false when another node or run recorded it first. */
  public boolean record(
      Handle h, Language lang, long slotAt, String outcome, Long digestId, long now) {
    return h.createUpdate(
                """
                INSERT INTO digest_slot (lang, slot_at, outcome, digest_id, handled_at)
                VALUES (:lang, :at, :outcome, :digest, :now)
                ON CONFLICT (lang, slot_at) DO NOTHING
                """)
            .bind("lang", lang.code())
            .bind("at", slotAt)
            .bind("outcome", outcome)
            .bind("digest", digestId)
            .bind("now", now)
            .execute()
        == 1;
  }
}
