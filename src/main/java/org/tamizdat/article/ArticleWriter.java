package org.tamizdat.article;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/**
 * Saves articles. The body is rendered to sanitized HTML here, once per save, so a page view never
 * runs the Markdown pipeline; the row, its bylines and tags and the change-log entry are written in
 * one transaction, so readers never see half an article.
 */
public final class ArticleWriter {
  /** Bump when {@link BodyRenderer}'s output changes; stored bodies are then rendered again. */
  public static final int BODY_FORMAT = 2; // 2: images from other servers became links

  private final Database database;
  private final ChangeLog changeLog;
  private final BodyRenderer renderer;
  private final Clock clock;
  private final PublishedTextGuard guard;

  public ArticleWriter(Database database, ChangeLog changeLog, BodyRenderer renderer, Clock clock) {
    this(database, changeLog, renderer, clock, PublishedTextGuard.NONE);
  }

  /** With the publish guard: publishing or scheduling text it refuses rolls the save back. */
  public ArticleWriter(
      Database database,
      ChangeLog changeLog,
      BodyRenderer renderer,
      Clock clock,
      PublishedTextGuard guard) {
    this.database = database;
    this.changeLog = changeLog;
    this.renderer = renderer;
    this.clock = clock;
    this.guard = guard;
  }

  /**
   * Inserts or updates the article with this language and slug; returns its id.
   *
   * @throws PublicationRefused when it is to be published (now or scheduled) and the guard finds a
   *     linked protected source in its text; nothing is saved then
   */
  public long save(ArticleInput in) {
    String html = renderer.render(in.lang(), in.bodyMarkdown());
    return database.write(h -> write(h, null, in, html));
  }

  /**
   * Inside the caller's transaction (the editor adds its revision and workflow rows to it): updates
   * article {@code id}, whose slug may change, or inserts a new one when {@code id} is null. A slug
   * another article of the edition has is refused, so nothing is overwritten.
   */
  public long save(Handle h, Long id, ArticleInput in) {
    Optional<Long> holder = idOf(h, in.lang(), in.slug());
    if (holder.isPresent() && !holder.get().equals(id)) {
      throw new IllegalArgumentException(
          "another " + in.lang().code() + " article already has the slug '" + in.slug() + "'");
    }
    if (id != null
        && h.createQuery("SELECT COUNT(*) FROM article WHERE id = :id AND lang = :lang")
                .bind("id", id)
                .bind("lang", in.lang().code())
                .mapTo(Long.class)
                .one()
            == 0) {
      throw new IllegalArgumentException("no " + in.lang().code() + " article " + id);
    }
    return write(h, id, in, renderer.render(in.lang(), in.bodyMarkdown()));
  }

  /**
   * Saves within the caller's transaction, for writes that must succeed or fail together (an
   * import); upserts by language and slug and returns the article's id.
   */
  public long save(Handle h, ArticleInput in) {
    return write(h, null, in, renderer.render(in.lang(), in.bodyMarkdown()));
  }

  /** Puts an article into a translation group, inside the caller's transaction. */
  public void joinTranslationGroup(Handle h, long id, String group) {
    h.createUpdate("UPDATE article SET translation_group = :grp WHERE id = :id")
        .bind("grp", group)
        .bind("id", id)
        .execute();
    changeLog.append(h, "article", id);
  }

  private static Optional<Long> idOf(Handle h, Language lang, String slug) {
    return h.createQuery("SELECT id FROM article WHERE lang = :lang AND slug = :slug")
        .bind("lang", lang.code())
        .bind("slug", slug)
        .mapTo(Long.class)
        .findOne();
  }

  /** {@code id} null: upsert by language and slug (the demo loader, importers). */
  private long write(Handle h, Long id, ArticleInput in, String html) {
    Long sectionId = in.sectionSlug() == null ? null : requireId(h, "section", in.sectionSlug());
    long now = clock.millis();
    Optional<Long> existing = id != null ? Optional.of(id) : idOf(h, in.lang(), in.slug());
    String columns =
        """
        slug = :slug, translation_group = :grp, kicker = :kicker, title = :title, dek = :dek,
        body_md = :md, body_html = :html, body_html_version = :format, section_id = :section,
        status = :status, published_at = :published, updated_at = :updated,
        lead_image = :image, lead_caption = :caption
        """;
    var statement =
        existing.isPresent()
            ? h.createQuery("UPDATE article SET " + columns + " WHERE id = :id RETURNING id")
                .bind("id", existing.get())
            : h.createQuery(
                    """
                    INSERT INTO article (lang, slug, translation_group, kicker, title, dek, body_md,
                      body_html, body_html_version, section_id, status, published_at, updated_at,
                      created_at, lead_image, lead_caption)
                    VALUES (:lang, :slug, :grp, :kicker, :title, :dek, :md, :html, :format, :section,
                      :status, :published, :updated, :created, :image, :caption)
                    RETURNING id
                    """)
                .bind("lang", in.lang().code())
                .bind("created", now);
    long saved =
        statement
            .bind("slug", in.slug())
            .bind("grp", in.translationGroup())
            .bind("kicker", in.kicker())
            .bind("title", in.title())
            .bind("dek", in.dek())
            .bind("md", in.bodyMarkdown())
            .bind("html", html)
            .bind("format", BODY_FORMAT)
            .bind("section", sectionId)
            .bind("status", in.status().dbValue())
            .bind("published", in.publishedAt() == null ? null : in.publishedAt().toEpochMilli())
            .bind("updated", in.updatedAt() == null ? now : in.updatedAt().toEpochMilli())
            .bind("image", in.leadImage())
            .bind("caption", in.leadCaption())
            .mapTo(Long.class)
            .one();
    replaceAuthors(h, saved, in.authorSlugs());
    replaceTags(h, saved, in);
    if (in.status() == Status.PUBLISHED) {
      // Checked on the row as written, tags and all, inside the transaction it would commit in.
      guard.admit(h, saved);
    }
    changeLog.append(h, "article", saved);
    return saved;
  }

  /** Re-renders bodies stored by an older {@link #BODY_FORMAT}; returns how many changed. */
  public int rerenderStaleBodies() {
    record Stale(long id, Language lang, String markdown) {}
    List<Stale> stale =
        database.read(h ->
            h.createQuery(
                    "SELECT id, lang, body_md FROM article WHERE body_html_version <> :format")
                .bind("format", BODY_FORMAT)
                .map((rs, ctx) ->
                    new Stale(
                        rs.getLong(1),
                        Language.fromCode(rs.getString(2)).orElseThrow(),
                        rs.getString(3)))
                .list());
    for (Stale s : stale) {
      String html = renderer.render(s.lang(), s.markdown());
      database.write(h -> {
        h.createUpdate(
                "UPDATE article SET body_html = :html, body_html_version = :format WHERE id = :id")
            .bind("html", html)
            .bind("format", BODY_FORMAT)
            .bind("id", s.id())
            .execute();
        changeLog.append(h, "article", s.id());
        return null;
      });
    }
    return stale.size();
  }

  private static long requireId(Handle h, String table, String slug) {
    return h.createQuery("SELECT id FROM " + table + " WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new IllegalArgumentException("unknown " + table + " '" + slug + "'"));
  }

  private static void replaceAuthors(Handle h, long articleId, List<String> authorSlugs) {
    h.createUpdate("DELETE FROM article_author WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    int position = 0;
    for (String slug : authorSlugs) {
      h.createUpdate(
              "INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :w, :p)")
          .bind("a", articleId)
          .bind("w", requireId(h, "author", slug))
          .bind("p", position++)
          .execute();
    }
  }

  private static void replaceTags(Handle h, long articleId, ArticleInput in) {
    h.createUpdate("DELETE FROM article_tag WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    for (String name : in.tagNames().stream().map(String::strip).distinct().toList()) {
      String slug = Slugs.slugify(name);
      long tagId =
          h.createQuery("SELECT id FROM tag WHERE lang = :lang AND slug = :slug")
              .bind("lang", in.lang().code())
              .bind("slug", slug)
              .mapTo(Long.class)
              .findOne()
              .orElseGet(() ->
                  h.createQuery(
                          "INSERT INTO tag (lang, slug, name) VALUES (:lang, :slug, :name) RETURNING id")
                      .bind("lang", in.lang().code())
                      .bind("slug", slug)
                      .bind("name", name)
                      .mapTo(Long.class)
                      .one());
      h.createUpdate(
              "INSERT INTO article_tag (article_id, tag_id) VALUES (:a, :t) ON CONFLICT DO NOTHING")
          .bind("a", articleId)
          .bind("t", tagId)
          .execute();
    }
  }
}
