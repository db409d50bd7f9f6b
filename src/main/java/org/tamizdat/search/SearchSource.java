package org.tamizdat.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.PublishedTextGuard;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** What the index reads from the database: public articles and the change log. */
final class SearchSource {
  private static final String PUBLIC_ARTICLES =
      """
      SELECT a.id, a.lang, a.title, a.dek, a.body_html, a.published_at, s.slug AS section_slug
      FROM article a LEFT JOIN section s ON s.id = a.section_id
      WHERE
      """
          + ArticleRepository.IS_PUBLIC;

  /** One change-log row. */
  record Change(long seq, String entity, Long entityId) {}

  private final Database database;
  private final PublishedTextGuard guard;

  SearchSource(Database database, PublishedTextGuard guard) {
    this.database = database;
    this.guard = guard;
  }

  long latestSeq() {
    return database.read(ChangeLog::latestSeq);
  }

  long countPublic(long now) {
    return database.read(h ->
        h.createQuery("SELECT COUNT(*) FROM (" + PUBLIC_ARTICLES + ") p")
            .bind("now", now)
            .mapTo(Long.class)
            .one());
  }

  /**
   * Public articles among {@code ids}; ids missing from the answer are not (or no longer) public.
   */
  List<StoredArticle> publicAmong(Collection<Long> ids, long now) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return database.read(h ->
        withoutWithheld(
            h,
            h.createQuery(PUBLIC_ARTICLES + " AND a.id IN (<ids>)")
                .bind("now", now)
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> article(rs))
                .list()));
  }

  /**
   * The next {@code limit} public articles by id after {@code afterId}: a full scan in pages. The
   * page may hold articles the guard withholds; {@link #indexable} takes them out.
   */
  List<StoredArticle> publicAfter(long afterId, int limit, long now) {
    return database.read(h ->
        h.createQuery(PUBLIC_ARTICLES + " AND a.id > :after ORDER BY a.id LIMIT :limit")
            .bind("now", now)
            .bind("after", afterId)
            .bind("limit", limit)
            .map((rs, ctx) -> article(rs))
            .list());
  }

  /** The articles of a page that may go into the index: not those the publish guard withholds. */
  List<StoredArticle> indexable(List<StoredArticle> page) {
    return page.isEmpty() ? page : database.read(h -> withoutWithheld(h, page));
  }

  private List<StoredArticle> withoutWithheld(Handle h, List<StoredArticle> articles) {
    Set<Long> withheld = guard.withheld(h, articles.stream().map(StoredArticle::id).toList());
    return withheld.isEmpty()
        ? articles
        : articles.stream().filter(a -> !withheld.contains(a.id())).toList();
  }

  /**
   * Articles whose publication time passed in ({@code after}, {@code now}]. Scheduled articles
   * become public without any write, so no change-log row announces them.
   */
  List<Long> becamePublic(long after, long now) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT id FROM article
                WHERE status = 'published' AND published_at > :after AND published_at <= :now
                """)
            .bind("after", after)
            .bind("now", now)
            .mapTo(Long.class)
            .list());
  }

  /** Rows after {@code afterSeq}, plus the listed earlier ones, in order; at most {@code limit}. */
  List<Change> changes(long afterSeq, Collection<Long> alsoSeqs, int limit) {
    String extra = alsoSeqs.isEmpty() ? "" : " OR seq IN (<also>)";
    return database.read(h -> {
      var query =
          h.createQuery(
                  "SELECT seq, entity, entity_id FROM change_log WHERE seq > :after"
                      + extra
                      + " ORDER BY seq LIMIT :limit")
              .bind("after", afterSeq)
              .bind("limit", limit);
      if (!alsoSeqs.isEmpty()) {
        query.bindList("also", List.copyOf(alsoSeqs));
      }
      return query
          .map((rs, ctx) -> {
            long id = rs.getLong("entity_id");
            return new Change(rs.getLong("seq"), rs.getString("entity"), rs.wasNull() ? null : id);
          })
          .list();
    });
  }

  /** Sequence numbers in ({@code from}, {@code to}] that exist now: to find gaps behind a start. */
  List<Long> seqsBetween(long from, long to) {
    return database.read(h ->
        h.createQuery("SELECT seq FROM change_log WHERE seq > :from AND seq <= :to ORDER BY seq")
            .bind("from", from)
            .bind("to", to)
            .mapTo(Long.class)
            .list());
  }

  private static StoredArticle article(ResultSet rs) throws SQLException {
    return new StoredArticle(
        rs.getLong("id"),
        Language.fromCode(rs.getString("lang")).orElseThrow(),
        rs.getString("title"),
        rs.getString("dek"),
        rs.getString("body_html"),
        rs.getString("section_slug"),
        Instant.ofEpochMilli(rs.getLong("published_at")));
  }
}
