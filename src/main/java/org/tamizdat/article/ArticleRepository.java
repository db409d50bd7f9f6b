package org.tamizdat.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.tamizdat.db.Database;

/**
 * Reads published articles for the public site. Only rows that are published and whose publication
 * time has come are ever returned, so a draft or an embargoed piece cannot leak through any
 * listing.
 */
public final class ArticleRepository implements PublishedArticles {
  /**
   * The one rule for what readers may see, on the table aliased {@code a} with {@code :now} bound
   * to the current epoch millisecond. Other read paths (search) use it too, so the rule cannot
   * drift.
   */
  public static final String IS_PUBLIC = "a.status = 'published' AND a.published_at <= :now";

  static final String SUMMARY_COLUMNS =
      """
      a.id, a.lang, a.slug, a.kicker, a.title, a.dek, a.published_at, a.lead_image, a.lead_caption,
      s.id AS section_id, s.slug AS section_slug, sn.name AS section_name
      """;
  private static final String VISIBLE_FROM =
      """
      FROM article a
      LEFT JOIN section s ON s.id = a.section_id
      LEFT JOIN section_name sn ON sn.section_id = s.id AND sn.lang = a.lang
      WHERE a.lang = :lang AND
      """
          + IS_PUBLIC;

  private final Database database;
  private final Clock clock;
  private final PublishedTextGuard guard;

  public ArticleRepository(Database database, Clock clock) {
    this(database, clock, PublishedTextGuard.NONE);
  }

  /**
   * With the publish guard: besides {@link #IS_PUBLIC}, an article the guard withholds is left out
   * of every answer, as if it were not published.
   */
  public ArticleRepository(Database database, Clock clock, PublishedTextGuard guard) {
    this.database = database;
    this.clock = clock;
    this.guard = guard;
  }

  /** What a listing filters on: nothing (edition home), a section, a tag or an author. */
  public sealed interface Filter {
    record Edition() implements Filter {}

    record InSection(long sectionId) implements Filter {}

    record WithTag(long tagId) implements Filter {}

    record ByAuthor(long authorId) implements Filter {}
  }

  /**
   * One page of a listing, newest first. The count and the page's ids come from the bare article
   * table (and, for a tag or an author, from its link table first): SQLite then walks one index
   * instead of joining section names for every row before it, which made deep pages of a large
   * archive slow. The page's ten rows are joined afterwards.
   */
  @Override
  public PageOf<ArticleSummary> list(Language lang, Filter filter, int page, int pageSize) {
    String from = listingSource(filter);
    long filterId = filterId(filter);
    long now = clock.millis();
    return database.read(h -> {
      long total =
          bindVisible(h.createQuery("SELECT COUNT(*) " + from), lang, now)
              .bind("filterId", filterId)
              .mapTo(Long.class)
              .one();
      List<Long> ids =
          bindVisible(
                  h.createQuery(
                      "SELECT a.id "
                          + from
                          + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset"),
                  lang,
                  now)
              .bind("filterId", filterId)
              .bind("limit", pageSize)
              .bind("offset", (long) (page - 1) * pageSize)
              .mapTo(Long.class)
              .list();
      List<SummaryRow> rows = summaryRows(h, now, ids);
      Map<Long, List<Author>> authors = authorsOf(h, lang, ids);
      List<ArticleSummary> items =
          rows.stream().map(r -> r.toSummary(authors.getOrDefault(r.id(), List.of()))).toList();
      return new PageOf<>(items, page, pageSize, total);
    });
  }

  /** Every visible article of a listing, newest first: what a page of it is cut from. */
  @Override
  public long[] listingIds(Language lang, Filter filter) {
    long now = clock.millis();
    return database.read(h -> {
      List<Long> ids =
          bindVisible(
                  h.createQuery(
                      "SELECT a.id "
                          + listingSource(filter)
                          + " ORDER BY a.published_at DESC, a.id DESC"),
                  lang,
                  now)
              .bind("filterId", filterId(filter))
              .mapTo(Long.class)
              .list();
      Set<Long> withheld = guard.withheld(h, ids);
      return ids.stream().filter(id -> !withheld.contains(id)).mapToLong(Long::longValue).toArray();
    });
  }

  /**
   * The articles among {@code ids} that readers may see, in the order of {@code ids}; others are
   * left out (one may have been unpublished since the ids were read).
   */
  @Override
  public List<ArticleSummary> summaries(Language lang, List<Long> ids) {
    long now = clock.millis();
    return database.read(h -> {
      Map<Long, List<Author>> authors = authorsOf(h, lang, ids);
      return summaryRows(h, now, ids).stream()
          .map(r -> r.toSummary(authors.getOrDefault(r.id(), List.of())))
          .toList();
    });
  }

  /**
   * When the next scheduled article goes public: until then, who sees what cannot change without a
   * write.
   */
  @Override
  public Optional<Instant> nextPublication() {
    long now = clock.millis();
    return database.read(h ->
        h.createQuery(
                "SELECT MIN(published_at) FROM article"
                    + " WHERE status = 'published' AND published_at > :now")
            .bind("now", now)
            .mapTo(Long.class)
            .findOne()
            .map(Instant::ofEpochMilli));
  }

  private static long filterId(Filter filter) {
    return switch (filter) {
      case Filter.Edition e -> 0;
      case Filter.InSection s -> s.sectionId();
      case Filter.WithTag t -> t.tagId();
      case Filter.ByAuthor b -> b.authorId();
    };
  }

  /**
   * The rows a listing picks from. {@code CROSS JOIN} keeps SQLite from reordering the join, so a
   * tag's or an author's few articles are found through the link table's index rather than by
   * testing every article of the edition; on PostgreSQL it is an ordinary join.
   */
  private static String listingSource(Filter filter) {
    String visible = " WHERE a.lang = :lang AND " + IS_PUBLIC;
    return switch (filter) {
      case Filter.Edition e -> "FROM article a" + visible;
      case Filter.InSection s -> "FROM article a" + visible + " AND a.section_id = :filterId";
      case Filter.WithTag t ->
          "FROM article_tag f CROSS JOIN article a"
              + visible
              + " AND a.id = f.article_id AND f.tag_id = :filterId";
      case Filter.ByAuthor b ->
          "FROM article_author f CROSS JOIN article a"
              + visible
              + " AND a.id = f.article_id AND f.author_id = :filterId";
    };
  }

  /**
   * The summary rows of these articles, in the order of {@code ids}, if still visible. By id only:
   * naming the edition too would lead SQLite to walk the whole edition's index instead.
   */
  private List<SummaryRow> summaryRows(Handle h, long now, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, SummaryRow> byId = new HashMap<>();
    h.createQuery(
            "SELECT "
                + SUMMARY_COLUMNS
                + """
                FROM article a
                LEFT JOIN section s ON s.id = a.section_id
                LEFT JOIN section_name sn ON sn.section_id = s.id AND sn.lang = a.lang
                WHERE a.id IN (<ids>)
                """
                + " AND "
                + IS_PUBLIC)
        .bind("now", now)
        .bindList("ids", ids)
        .map((rs, ctx) -> SummaryRow.of(rs))
        .forEach(row -> byId.put(row.id(), row));
    byId.keySet().removeAll(guard.withheld(h, byId.keySet()));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** Articles of an edition published in [from, until), oldest first (digests). */
  public List<ArticleSummary> publishedBetween(Language lang, Instant from, Instant until) {
    long now = clock.millis();
    return database.read(h -> {
      List<SummaryRow> rows =
          bindVisible(
                  h.createQuery(
                      "SELECT "
                          + SUMMARY_COLUMNS
                          + VISIBLE_FROM
                          + " AND a.published_at >= :from AND a.published_at < :until"
                          + " ORDER BY a.published_at, a.id"),
                  lang,
                  now)
              .bind("from", from.toEpochMilli())
              .bind("until", until.toEpochMilli())
              .map((rs, ctx) -> SummaryRow.of(rs))
              .list();
      Set<Long> withheld = guard.withheld(h, rows.stream().map(SummaryRow::id).toList());
      return withAuthors(h, lang, rows.stream().filter(r -> !withheld.contains(r.id())).toList());
    });
  }

  private static List<ArticleSummary> withAuthors(Handle h, Language lang, List<SummaryRow> rows) {
    Map<Long, List<Author>> authors =
        authorsOf(h, lang, rows.stream().map(SummaryRow::id).toList());
    return rows.stream().map(r -> r.toSummary(authors.getOrDefault(r.id(), List.of()))).toList();
  }

  @Override
  public Optional<Article> findPublished(Language lang, String slug) {
    long now = clock.millis();
    return database.read(h ->
        bindVisible(
                h.createQuery(
                    "SELECT "
                        + SUMMARY_COLUMNS
                        + ", a.translation_group, a.body_html, a.status, a.updated_at "
                        + VISIBLE_FROM
                        + " AND a.slug = :slug"),
                lang,
                now)
            .bind("slug", slug)
            .map((rs, ctx) -> articleRow(rs))
            .findOne()
            .filter(row -> guard.withheld(h, List.of(row.summary.id())).isEmpty())
            .map(row ->
                row.complete(
                    authorsOf(h, lang, List.of(row.summary.id())),
                    tagsOf(h, row.summary.id(), lang))));
  }

  /** The other-language versions of an article that readers may see. */
  @Override
  public List<Translation> translations(Article article) {
    if (article.translationGroup() == null) {
      return List.of();
    }
    return database.read(h -> {
      Map<Long, Optional<Translation>> byId = new LinkedHashMap<>();
      h.createQuery(
              """
              SELECT a.id, a.lang, a.slug, a.published_at FROM article a
              WHERE a.translation_group = :group AND a.id <> :id AND
              """
                  + IS_PUBLIC
                  + " ORDER BY a.lang")
          .bind("group", article.translationGroup())
          .bind("id", article.id())
          .bind("now", clock.millis())
          .map((rs, ctx) -> byId.put(rs.getLong("id"), translationRow(rs)))
          .list();
      byId.keySet().removeAll(guard.withheld(h, byId.keySet()));
      return byId.values().stream().flatMap(Optional::stream).toList();
    });
  }

  private static Optional<Translation> translationRow(ResultSet rs) throws SQLException {
    String slug = rs.getString("slug");
    Instant published = Instant.ofEpochMilli(rs.getLong("published_at"));
    return Language.fromCode(rs.getString("lang"))
        .map(lang -> new Translation(lang, slug, published));
  }

  /** A version of an article in another edition, enough to link to it. */
  public record Translation(Language lang, String slug, Instant publishedAt) {}

  private static Query bindVisible(Query query, Language lang, long now) {
    return query.bind("lang", lang.code()).bind("now", now);
  }

  private static Map<Long, List<Author>> authorsOf(Handle h, Language lang, List<Long> articleIds) {
    Map<Long, List<Author>> byArticle = new LinkedHashMap<>();
    if (articleIds.isEmpty()) {
      return byArticle;
    }
    h.createQuery(
            """
            SELECT aa.article_id, au.id, au.slug, COALESCE(an.name, au.slug) AS name,
                   COALESCE(an.bio, '') AS bio
            FROM article_author aa
            JOIN author au ON au.id = aa.author_id
            LEFT JOIN author_name an ON an.author_id = au.id AND an.lang = :lang
            WHERE aa.article_id IN (<ids>)
            ORDER BY aa.article_id, aa.position
            """)
        .bind("lang", lang.code())
        .bindList("ids", articleIds)
        .map((rs, ctx) -> {
          byArticle
              .computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
              .add(
                  new Author(
                      rs.getLong("id"),
                      rs.getString("slug"),
                      rs.getString("name"),
                      rs.getString("bio")));
          return null;
        })
        .list();
    return byArticle;
  }

  private static List<Tag> tagsOf(Handle h, long articleId, Language lang) {
    return h.createQuery(
            """
            SELECT t.id, t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
            WHERE at.article_id = :id ORDER BY t.name
            """)
        .bind("id", articleId)
        .map((rs, ctx) ->
            new Tag(rs.getLong("id"), lang, rs.getString("slug"), rs.getString("name")))
        .list();
  }

  private static ArticleRow articleRow(ResultSet rs) throws SQLException {
    return new ArticleRow(
        SummaryRow.of(rs),
        rs.getString("translation_group"),
        rs.getString("body_html"),
        Status.fromDb(rs.getString("status")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  record SummaryRow(
      long id,
      Language lang,
      String slug,
      String kicker,
      String title,
      String dek,
      Instant publishedAt,
      String leadImage,
      String leadCaption,
      Section section) {

    static SummaryRow of(ResultSet rs) throws SQLException {
      long sectionId = rs.getLong("section_id");
      Section section =
          rs.wasNull()
              ? null
              : new Section(sectionId, rs.getString("section_slug"), rs.getString("section_name"));
      return new SummaryRow(
          rs.getLong("id"),
          Language.fromCode(rs.getString("lang")).orElseThrow(),
          rs.getString("slug"),
          rs.getString("kicker"),
          rs.getString("title"),
          rs.getString("dek"),
          Instant.ofEpochMilli(rs.getLong("published_at")),
          rs.getString("lead_image"),
          rs.getString("lead_caption"),
          section);
    }

    ArticleSummary toSummary(List<Author> authors) {
      return new ArticleSummary(
          id,
          lang,
          slug,
          kicker,
          title,
          dek,
          section,
          authors,
          publishedAt,
          leadImage,
          leadCaption);
    }
  }

  private record ArticleRow(
      SummaryRow summary, String group, String bodyHtml, Status status, Instant updatedAt) {
    Article complete(Map<Long, List<Author>> authors, List<Tag> tags) {
      SummaryRow s = summary;
      return new Article(
          s.id,
          s.lang,
          s.slug,
          group,
          s.kicker,
          s.title,
          s.dek,
          bodyHtml,
          s.section,
          authors.getOrDefault(s.id, List.of()),
          tags,
          status,
          s.publishedAt,
          updatedAt,
          s.leadImage,
          s.leadCaption);
    }
  }
}
