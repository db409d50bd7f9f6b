package org.tamizdat.admin.editorial;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.Language;
import org.tamizdat.article.Slugs;
import org.tamizdat.article.Status;
import org.tamizdat.db.Database;

/**
 * The newsroom's workflow: create, save, submit, schedule, publish, unpublish, restore and
 * translate. Each call is one transaction that writes the article through {@link ArticleWriter} (so
 * the change log, page cache, search and export follow), its workflow row and one revision; a
 * refused call writes nothing. Who may do what is the admin screens' business, not this class's.
 */
public final class Editorial {
  private final Database database;
  private final ArticleWriter writer;
  private final Revisions revisions;
  private final Clock clock;

  public Editorial(Database database, ArticleWriter writer, Revisions revisions, Clock clock) {
    this.database = database;
    this.writer = writer;
    this.revisions = revisions;
    this.clock = clock;
  }

  public Optional<EditorialArticle> find(long id) {
    return database.read(h -> load(h, id));
  }

  /** A new draft owned by {@code who}; its slug must be free in its edition. */
  public long create(ArticleInput content, Actor who) {
    ArticleInput draft = withState(content, content.translationGroup(), Status.DRAFT, null);
    return database.write(h -> {
      long id = writer.save(h, null, draft);
      h.createUpdate("INSERT INTO article_workflow (article_id, owner_id) VALUES (:id, :owner)")
          .bind("id", id)
          .bind("owner", who.id())
          .execute();
      revisions.append(h, id, draft, who, clock.instant(), "created");
      return id;
    });
  }

  /**
   * Saves new content (or, with {@code content} null, only moves the article along) and applies
   * {@code transition}. {@code baseRevision} is the revision the form was opened at; a save over a
   * later one is refused with an {@link EditConflictException}. Pass -1 to skip that check.
   */
  public void save(
      long id, ArticleInput content, int baseRevision, Transition transition, Actor who) {
    database.write(h -> {
      apply(h, id, content, baseRevision, transition, who, transition.note());
      return null;
    });
  }

  public void submit(long id, Actor who) {
    save(id, null, -1, Transition.SUBMIT, who);
  }

  public void schedule(long id, Instant at, Actor who) {
    save(id, null, -1, new Transition.Schedule(at), who);
  }

  public void publish(long id, Actor who) {
    save(id, null, -1, Transition.PUBLISH, who);
  }

  public void unpublish(long id, Actor who) {
    save(id, null, -1, Transition.UNPUBLISH, who);
  }

  /**
   * Brings back the content of revision {@code number} as a new revision. The article stays where
   * it is in the workflow: restoring an old text of a published article updates it in place.
   */
  public void restore(long id, int number, Actor who) {
    database.write(h -> {
      Revision old =
          Revisions.get(h, id, number)
              .orElseThrow(
                  () -> new EditorialException("article " + id + " has no revision " + number));
      apply(h, id, old.content(), -1, Transition.KEEP, who, "restored revision " + number);
      return null;
    });
  }

  /**
   * Starts the other edition's version of an article: a draft with the same section, bylines, lead
   * image and (to be translated) text, in the same translation group, which the original joins if
   * it had none. Refused when that edition already has a version.
   */
  public long createTranslation(long sourceId, Actor who) {
    return database.write(h -> {
      EditorialArticle source =
          load(h, sourceId).orElseThrow(() -> new EditorialException("no article " + sourceId));
      ArticleInput original = source.content();
      Language target = original.lang().other();
      String group = original.translationGroup();
      if (group == null) {
        group = UUID.randomUUID().toString();
        writer.joinTranslationGroup(h, sourceId, group);
      } else {
        Optional<Long> existing =
            h.createQuery("SELECT id FROM article WHERE translation_group = :grp AND lang = :lang")
                .bind("grp", group)
                .bind("lang", target.code())
                .mapTo(Long.class)
                .findFirst();
        if (existing.isPresent()) {
          throw new EditorialException(
              "this article already has a " + target.code() + " version: " + existing.get());
        }
      }
      ArticleInput draft =
          new ArticleInput(
              target,
              freeSlug(h, target, original.slug()),
              group,
              original.kicker(),
              original.title(),
              original.dek(),
              original.bodyMarkdown(),
              original.sectionSlug(),
              original.authorSlugs(),
              List.of(),
              Status.DRAFT,
              null,
              null,
              original.leadImage(),
              original.leadCaption());
      long id = writer.save(h, null, draft);
      h.createUpdate(
              """
              INSERT INTO article_workflow (article_id, owner_id, translation_of)
              VALUES (:id, :owner, :source)
              """)
          .bind("id", id)
          .bind("owner", who.id())
          .bind("source", sourceId)
          .execute();
      revisions.append(
          h,
          id,
          draft,
          who,
          clock.instant(),
          "translation of " + original.lang().code() + " article " + sourceId);
      return id;
    });
  }

  private void apply(
      Handle h,
      long id,
      ArticleInput content,
      int baseRevision,
      Transition transition,
      Actor who,
      String note) {
    EditorialArticle current =
        load(h, id).orElseThrow(() -> new EditorialException("no article " + id));
    ArticleInput was = current.content();
    if (content != null && content.lang() != was.lang()) {
      throw new EditorialException("an article cannot change its edition");
    }
    Instant now = clock.instant();
    ArticleInput base = content == null ? was : content;
    Status status = was.status();
    Instant publishedAt = was.publishedAt();
    Long announceAt = null;
    boolean keepSubmission = true;
    switch (transition) {
      case Transition.Keep k -> {
        if (current.state() == WorkflowState.SCHEDULED) {
          announceAt = publishedAt.toEpochMilli();
        }
      }
      case Transition.Submit s -> {
        if (status == Status.PUBLISHED) {
          throw new EditorialException("only a draft can be submitted for review");
        }
      }
      case Transition.Schedule s -> {
        if (!s.at().isAfter(now)) {
          throw new EditorialException("the publication time must be in the future");
        }
        status = Status.PUBLISHED;
        publishedAt = s.at();
        announceAt = publishedAt.toEpochMilli();
        keepSubmission = false;
      }
      case Transition.Publish p -> {
        // Published before (and unpublished since): same time, so the same address.
        if (publishedAt == null || publishedAt.isAfter(now)) {
          publishedAt = now;
        }
        status = Status.PUBLISHED;
        keepSubmission = false;
      }
      case Transition.Unpublish u -> {
        if (status != Status.PUBLISHED) {
          throw new EditorialException("the article is not published or scheduled");
        }
        status = Status.DRAFT;
        keepSubmission = false;
      }
    }
    ArticleInput next = withState(base, was.translationGroup(), status, publishedAt);
    writer.save(h, id, next);
    // After the article row is updated (and so locked): a save that started from an older
    // revision than the latest would silently undo someone's work.
    int latest = Revisions.latest(h, id);
    if (baseRevision >= 0 && baseRevision != latest) {
      Revision theirs = Revisions.get(h, id, latest).orElseThrow();
      throw new EditConflictException(
          theirs.savedByName()
              + " saved this article at "
              + theirs.savedAt()
              + " after you opened it; your changes were not saved. Copy them, reload and apply"
              + " them again.");
    }
    h.createUpdate(
            "INSERT INTO article_workflow (article_id) VALUES (:id) ON CONFLICT (article_id) DO NOTHING")
        .bind("id", id)
        .execute();
    h.createUpdate(
            """
            UPDATE article_workflow SET
              submitted_at = CASE WHEN :submit THEN :now WHEN :keep THEN submitted_at ELSE NULL END,
              submitted_by = CASE WHEN :submit THEN :by WHEN :keep THEN submitted_by ELSE NULL END,
              announce_at = :announce
            WHERE article_id = :id
            """)
        .bind("submit", transition instanceof Transition.Submit)
        .bind("keep", keepSubmission)
        .bind("now", now.toEpochMilli())
        .bind("by", who.id())
        .bind("announce", announceAt)
        .bind("id", id)
        .execute();
    revisions.append(h, id, next, who, now, note);
  }

  private static ArticleInput withState(
      ArticleInput in, String group, Status status, Instant publishedAt) {
    return new ArticleInput(
        in.lang(),
        in.slug(),
        group,
        in.kicker(),
        in.title(),
        in.dek(),
        in.bodyMarkdown(),
        in.sectionSlug(),
        in.authorSlugs(),
        in.tagNames(),
        status,
        publishedAt,
        null,
        in.leadImage(),
        in.leadCaption());
  }

  /** The slug itself if the edition has no article with it, else with the edition's code. */
  private static String freeSlug(Handle h, Language lang, String slug) {
    for (int n = 1; ; n++) {
      String suffix = n == 1 ? "" : n == 2 ? "-" + lang.code() : "-" + lang.code() + "-" + n;
      String stem = slug.substring(0, Math.min(slug.length(), Slugs.MAX_LENGTH - suffix.length()));
      String candidate = stem.replaceAll("-+$", "") + suffix;
      boolean taken =
          h.createQuery("SELECT COUNT(*) FROM article WHERE lang = :lang AND slug = :slug")
                  .bind("lang", lang.code())
                  .bind("slug", candidate)
                  .mapTo(Long.class)
                  .one()
              > 0;
      if (!taken) {
        return candidate;
      }
    }
  }

  Optional<EditorialArticle> load(Handle h, long id) {
    Instant now = clock.instant();
    return h.createQuery(
            """
            SELECT a.*, s.slug AS section_slug, w.owner_id, w.translation_of, w.submitted_at
            FROM article a
            LEFT JOIN section s ON s.id = a.section_id
            LEFT JOIN article_workflow w ON w.article_id = a.id
            WHERE a.id = :id
            """)
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne()
        .map(row -> {
          ArticleInput content =
              new ArticleInput(
                  row.lang,
                  row.slug,
                  row.group,
                  row.kicker,
                  row.title,
                  row.dek,
                  row.body,
                  row.section,
                  h.createQuery(
                          """
                          SELECT au.slug FROM article_author aa JOIN author au ON au.id = aa.author_id
                          WHERE aa.article_id = :id ORDER BY aa.position
                          """)
                      .bind("id", id)
                      .mapTo(String.class)
                      .list(),
                  h.createQuery(
                          """
                          SELECT t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                          WHERE at.article_id = :id ORDER BY t.name
                          """)
                      .bind("id", id)
                      .mapTo(String.class)
                      .list(),
                  row.status,
                  row.publishedAt,
                  row.updatedAt,
                  row.image,
                  row.caption);
          return new EditorialArticle(
              id,
              content,
              WorkflowState.of(row.status, row.publishedAt, row.submittedAt, now),
              row.owner,
              row.translationOf,
              row.submittedAt,
              row.updatedAt,
              Revisions.latest(h, id));
        });
  }

  private record Row(
      Language lang,
      String slug,
      String group,
      String kicker,
      String title,
      String dek,
      String body,
      String section,
      Status status,
      Instant publishedAt,
      Instant updatedAt,
      String image,
      String caption,
      Long owner,
      Long translationOf,
      Instant submittedAt) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        Language.fromCode(rs.getString("lang")).orElseThrow(),
        rs.getString("slug"),
        rs.getString("translation_group"),
        rs.getString("kicker"),
        rs.getString("title"),
        rs.getString("dek"),
        rs.getString("body_md"),
        rs.getString("section_slug"),
        Status.fromDb(rs.getString("status")),
        instant(rs, "published_at"),
        instant(rs, "updated_at"),
        rs.getString("lead_image"),
        rs.getString("lead_caption"),
        nullableLong(rs, "owner_id"),
        nullableLong(rs, "translation_of"),
        instant(rs, "submitted_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
