package org.tamizdat.admin.editorial;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.tamizdat.article.Language;
import org.tamizdat.article.PageOf;
import org.tamizdat.article.Status;
import org.tamizdat.db.Database;

/**
 * Every article whatever its state, for the admin list: filtered by edition, workflow state,
 * section, byline and owner, most recently changed first, a page at a time. The conditions are
 * fixed SQL fragments chosen by which filters are set; values are always bound.
 */
public final class AdminArticles {
  private static final String FROM =
      """
      FROM article a
      LEFT JOIN article_workflow w ON w.article_id = a.id
      LEFT JOIN section s ON s.id = a.section_id
      """;

  private final Database database;
  private final Clock clock;

  public AdminArticles(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public PageOf<ArticleRow> list(ArticleFilter filter, int page, int pageSize) {
    if (page < 1 || pageSize < 1) {
      throw new IllegalArgumentException("pages count from 1");
    }
    List<String> conditions = new ArrayList<>();
    if (filter.lang() != null) {
      conditions.add("a.lang = :lang");
    }
    if (filter.state() != null) {
      conditions.add("(" + filter.state().condition + ")");
    }
    if (filter.sectionSlug() != null) {
      conditions.add("s.slug = :section");
    }
    if (filter.authorSlug() != null) {
      conditions.add(
          """
          EXISTS (SELECT 1 FROM article_author aa JOIN author au ON au.id = aa.author_id
                  WHERE aa.article_id = a.id AND au.slug = :author)
          """);
    }
    if (filter.ownerId() != null) {
      conditions.add("w.owner_id = :owner");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    long now = clock.millis();
    return database.read(h -> {
      long total =
          bind(h.createQuery("SELECT COUNT(*) " + FROM + where), filter, now)
              .mapTo(Long.class)
              .one();
      List<ArticleRow> rows =
          bind(
                  h.createQuery(
                      """
                      SELECT a.id, a.lang, a.slug, a.title, a.status, a.published_at, a.updated_at,
                        s.slug AS section_slug, w.owner_id, w.submitted_at,
                        (SELECT COALESCE(MIN(an.name), MIN(au.slug)) FROM article_author aa
                           JOIN author au ON au.id = aa.author_id
                           LEFT JOIN author_name an ON an.author_id = au.id AND an.lang = a.lang
                         WHERE aa.article_id = a.id AND aa.position = 0) AS byline
                      """
                          + FROM
                          + where
                          + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset"),
                  filter,
                  now)
              .bind("limit", pageSize)
              .bind("offset", (long) (page - 1) * pageSize)
              .map((rs, ctx) -> {
                Status status = Status.fromDb(rs.getString("status"));
                Instant published = Editorial.instant(rs, "published_at");
                return new ArticleRow(
                    rs.getLong("id"),
                    Language.fromCode(rs.getString("lang")).orElseThrow(),
                    rs.getString("slug"),
                    rs.getString("title"),
                    WorkflowState.of(
                        status,
                        published,
                        Editorial.instant(rs, "submitted_at"),
                        Instant.ofEpochMilli(now)),
                    rs.getString("section_slug"),
                    rs.getString("byline"),
                    published,
                    Editorial.instant(rs, "updated_at"),
                    Editorial.nullableLong(rs, "owner_id"));
              })
              .list();
      return new PageOf<>(rows, page, pageSize, total);
    });
  }

  private static Query bind(Query query, ArticleFilter filter, long now) {
    if (filter.state() != null && filter.state().condition.contains(":now")) {
      query.bind("now", now);
    }
    if (filter.lang() != null) {
      query.bind("lang", filter.lang().code());
    }
    if (filter.sectionSlug() != null) {
      query.bind("section", filter.sectionSlug());
    }
    if (filter.authorSlug() != null) {
      query.bind("author", filter.authorSlug());
    }
    if (filter.ownerId() != null) {
      query.bind("owner", filter.ownerId());
    }
    return query;
  }
}
