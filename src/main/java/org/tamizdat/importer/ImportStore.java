package org.tamizdat.importer;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.Language;
import org.tamizdat.db.ChangeLog;

/**
 * The importer's SQL, all on the caller's transaction: which article a WordPress post became, the
 * old permalinks, and the sections and authors imported posts are filed under.
 */
final class ImportStore {
  /** The article a WordPress post was imported as before. */
  record Imported(long articleId, Language lang, String slug) {}

  private final ChangeLog changeLog;

  ImportStore(ChangeLog changeLog) {
    this.changeLog = changeLog;
  }

  /** Matched on the post id within its site first, then on the GUID. */
  Optional<Imported> imported(Handle h, String site, long postId, String guid) {
    String columns =
        "SELECT a.id, a.lang, a.slug FROM wordpress_post w JOIN article a ON a.id = w.article_id ";
    Optional<Imported> byId =
        h.createQuery(columns + "WHERE w.wp_site = :site AND w.wp_post_id = :post")
            .bind("site", site)
            .bind("post", postId)
            .map((rs, ctx) -> imported(rs))
            .findOne();
    if (byId.isPresent() || guid.isEmpty()) {
      return byId;
    }
    return h.createQuery(columns + "WHERE w.wp_guid = :guid ORDER BY w.imported_at DESC")
        .bind("guid", guid)
        .map((rs, ctx) -> imported(rs))
        .findFirst();
  }

  private static Imported imported(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Imported(
        rs.getLong("id"),
        Language.fromCode(rs.getString("lang")).orElseThrow(),
        rs.getString("slug"));
  }

  boolean slugTaken(Handle h, Language lang, String slug) {
    return h.createQuery("SELECT COUNT(*) FROM article WHERE lang = :lang AND slug = :slug")
            .bind("lang", lang.code())
            .bind("slug", slug)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  void remember(Handle h, String site, long postId, String guid, long articleId, long now) {
    h.createUpdate(
            """
            INSERT INTO wordpress_post (wp_site, wp_post_id, wp_guid, article_id, imported_at)
            VALUES (:site, :post, :guid, :article, :now)
            ON CONFLICT (wp_site, wp_post_id) DO UPDATE
              SET wp_guid = excluded.wp_guid, article_id = excluded.article_id,
                  imported_at = excluded.imported_at
            """)
        .bind("site", site)
        .bind("post", postId)
        .bind("guid", guid)
        .bind("article", articleId)
        .bind("now", now)
        .execute();
  }

  void redirect(Handle h, String oldPath, long articleId) {
    h.createUpdate(
            """
            INSERT INTO legacy_redirect (old_path, article_id) VALUES (:path, :article)
            ON CONFLICT (old_path) DO UPDATE SET article_id = excluded.article_id
            """)
        .bind("path", oldPath)
        .bind("article", articleId)
        .execute();
  }

  /**
   * Creates the section if missing and gives it names in languages that have none yet: an editor's
   * renaming survives a re-import.
   */
  void section(Handle h, String slug, Map<Language, String> names) {
    long id =
        h.createQuery("SELECT id FROM section WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Long.class)
            .findOne()
            .orElseGet(() ->
                h.createQuery(
                        """
                        INSERT INTO section (slug, position)
                        VALUES (:slug, (SELECT COALESCE(MAX(position), 0) + 1 FROM section))
                        RETURNING id
                        """)
                    .bind("slug", slug)
                    .mapTo(Long.class)
                    .one());
    names.forEach((lang, name) ->
        h.createUpdate(
                """
                INSERT INTO section_name (section_id, lang, name) VALUES (:id, :lang, :name)
                ON CONFLICT (section_id, lang) DO NOTHING
                """)
            .bind("id", id)
            .bind("lang", lang.code())
            .bind("name", name)
            .execute());
    changeLog.append(h, "section", id);
  }

  /** Creates the author if missing, named in both editions unless already named there. */
  boolean author(Handle h, String slug, String name) {
    Optional<Long> existing =
        h.createQuery("SELECT id FROM author WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Long.class)
            .findOne();
    long id =
        existing.orElseGet(() ->
            h.createQuery("INSERT INTO author (slug) VALUES (:slug) RETURNING id")
                .bind("slug", slug)
                .mapTo(Long.class)
                .one());
    for (Language lang : Language.values()) {
      h.createUpdate(
              """
              INSERT INTO author_name (author_id, lang, name, bio) VALUES (:id, :lang, :name, '')
              ON CONFLICT (author_id, lang) DO NOTHING
              """)
          .bind("id", id)
          .bind("lang", lang.code())
          .bind("name", name)
          .execute();
    }
    changeLog.append(h, "author", id);
    return existing.isEmpty();
  }
}
