package org.tamizdat.newsletter;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.Language;

/** Stored digests and the filling of their outbox. */
public final class DigestRepository {
  /** A stored digest. */
  public record Stored(long id, DigestContent content) {}

  /**
   * Stores the digest unless this edition already has one for that week; returns the stored one, so
   * running a send twice for a week sends one digest.
   */
  public Stored saveOnce(Handle h, DigestContent d, long now) {
    h.createUpdate(
            """
            INSERT INTO digest
              (lang, week_start, week_end, subject, text_body, html_body, created_at)
            VALUES (:lang, :start, :end, :subject, :text, :html, :now)
            ON CONFLICT (lang, week_start) DO NOTHING
            """)
        .bind("lang", d.lang().code())
        .bind("start", d.weekStartMillis())
        .bind("end", d.weekEndMillis())
        .bind("subject", d.subject())
        .bind("text", d.text())
        .bind("html", d.html())
        .bind("now", now)
        .execute();
    return find(h, d.lang(), d.weekStartMillis()).orElseThrow();
  }

  public Optional<Stored> find(Handle h, Language lang, long weekStart) {
    return h.createQuery(
            """
            SELECT id, lang, week_start, week_end, subject, text_body, html_body FROM digest
            WHERE lang = :lang AND week_start = :start
            """)
        .bind("lang", lang.code())
        .bind("start", weekStart)
        .map((rs, ctx) ->
            new Stored(
                rs.getLong("id"),
                new DigestContent(
                    Language.fromCode(rs.getString("lang")).orElseThrow(),
                    rs.getLong("week_start"),
                    rs.getLong("week_end"),
                    rs.getString("subject"),
                    rs.getString("text_body"),
                    rs.getString("html_body"))))
        .findOne();
  }

  public Optional<DigestContent> content(Handle h, long digestId) {
    return h.createQuery("SELECT lang, week_start FROM digest WHERE id = :id")
        .bind("id", digestId)
        .map((rs, ctx) ->
            find(h, Language.fromCode(rs.getString("lang")).orElseThrow(), rs.getLong("week_start"))
                .map(Stored::content))
        .findOne()
        .flatMap(x -> x);
  }

  /** One outbox row per active subscriber of the edition; returns how many were added. */
  public int enqueue(Handle h, long digestId, Language lang, long now) {
    return h.createUpdate(
            """
            INSERT INTO digest_outbox (digest_id, subscriber_id, state, next_attempt_at)
            SELECT :digest, id, 'queued', :now FROM subscriber
            WHERE state = 'active' AND lang = :lang
            ON CONFLICT (digest_id, subscriber_id) DO NOTHING
            """)
        .bind("digest", digestId)
        .bind("lang", lang.code())
        .bind("now", now)
        .execute();
  }
}
