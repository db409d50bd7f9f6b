package org.tamizdat.admin.editorial;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.db.Database;

/**
 * Article revisions: every save through the editor appends one, in the save's transaction. Lists of
 * bylines and tags are stored one per line (slugs and tag names never contain a line break).
 */
public final class Revisions {
  private final Database database;

  public Revisions(Database database) {
    this.database = database;
  }

  /** Appends the next revision of an article; call after the article row was updated (locked). */
  int append(Handle h, long articleId, ArticleInput in, Actor who, Instant at, String note) {
    int number = latest(h, articleId) + 1;
    h.createUpdate(
            """
            INSERT INTO article_revision (article_id, number, lang, slug, translation_group, kicker,
              title, dek, body_md, section_slug, author_slugs, tag_names, status, published_at,
              lead_image, lead_caption, saved_at, saved_by, saved_by_name, note)
            VALUES (:article, :number, :lang, :slug, :grp, :kicker, :title, :dek, :md, :section,
              :authors, :tags, :status, :published, :image, :caption, :at, :by, :byName, :note)
            """)
        .bind("article", articleId)
        .bind("number", number)
        .bind("lang", in.lang().code())
        .bind("slug", in.slug())
        .bind("grp", in.translationGroup())
        .bind("kicker", in.kicker())
        .bind("title", in.title())
        .bind("dek", in.dek())
        .bind("md", in.bodyMarkdown())
        .bind("section", in.sectionSlug())
        .bind("authors", String.join("\n", in.authorSlugs()))
        .bind("tags", String.join("\n", in.tagNames()))
        .bind("status", in.status().dbValue())
        .bind("published", in.publishedAt() == null ? null : in.publishedAt().toEpochMilli())
        .bind("image", in.leadImage())
        .bind("caption", in.leadCaption())
        .bind("at", at.toEpochMilli())
        .bind("by", who.id())
        .bind("byName", who.name())
        .bind("note", note)
        .execute();
    return number;
  }

  static int latest(Handle h, long articleId) {
    return h.createQuery(
            "SELECT COALESCE(MAX(number), 0) FROM article_revision WHERE article_id = :id")
        .bind("id", articleId)
        .mapTo(Integer.class)
        .one();
  }

  /** Newest first. */
  public List<Revision> list(long articleId) {
    return database.read(h ->
        h.createQuery("SELECT * FROM article_revision WHERE article_id = :id ORDER BY number DESC")
            .bind("id", articleId)
            .map((rs, ctx) -> revision(rs))
            .list());
  }

  public Optional<Revision> get(long articleId, int number) {
    return database.read(h -> get(h, articleId, number));
  }

  static Optional<Revision> get(Handle h, long articleId, int number) {
    return h.createQuery(
            "SELECT * FROM article_revision WHERE article_id = :id AND number = :number")
        .bind("id", articleId)
        .bind("number", number)
        .map((rs, ctx) -> revision(rs))
        .findOne();
  }

  private static Revision revision(ResultSet rs) throws SQLException {
    long published = rs.getLong("published_at");
    Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
    ArticleInput content =
        new ArticleInput(
            Language.fromCode(rs.getString("lang")).orElseThrow(),
            rs.getString("slug"),
            rs.getString("translation_group"),
            rs.getString("kicker"),
            rs.getString("title"),
            rs.getString("dek"),
            rs.getString("body_md"),
            rs.getString("section_slug"),
            lines(rs.getString("author_slugs")),
            lines(rs.getString("tag_names")),
            Status.fromDb(rs.getString("status")),
            publishedAt,
            null,
            rs.getString("lead_image"),
            rs.getString("lead_caption"));
    long by = rs.getLong("saved_by");
    Long savedBy = rs.wasNull() ? null : by;
    return new Revision(
        rs.getLong("article_id"),
        rs.getInt("number"),
        content,
        Instant.ofEpochMilli(rs.getLong("saved_at")),
        savedBy,
        rs.getString("saved_by_name"),
        rs.getString("note"));
  }

  private static List<String> lines(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
  }
}
