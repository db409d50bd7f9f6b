package org.tamizdat.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.Database;

/**
 * Every article readers may see, in one light row each: what sitemaps and the static export need to
 * know which pages exist, without loading bodies. The visibility rule is {@link
 * ArticleRepository}'s: published, and its time has come.
 */
public final class PublishedIndex {
  private static final String COLUMNS =
      """
      SELECT a.id, a.lang, a.slug, a.translation_group, a.title, a.published_at, a.updated_at,
             a.lead_image, s.slug AS section_slug
      FROM article a LEFT JOIN section s ON s.id = a.section_id
      WHERE a.status = 'published' AND a.published_at <= :now
      """;

  private static final Pattern MEDIA =
      Pattern.compile("\"/media/([a-z0-9][a-z0-9-]{0,100}\\.(?:svg|png|jpg|webp))\"");

  private final Database database;
  private final PublishedTextGuard guard;

  /** Callers pass the instant to see the site at, so one export sees one consistent moment. */
  public PublishedIndex(Database database) {
    this(database, PublishedTextGuard.NONE);
  }

  /** With the publish guard: articles it withholds are left out, as if unpublished. */
  public PublishedIndex(Database database, PublishedTextGuard guard) {
    this.database = database;
    this.guard = guard;
  }

  /** One visible article; {@code group} and {@code sectionSlug} may be null. */
  public record Entry(
      long id,
      Language lang,
      String slug,
      String group,
      String title,
      Instant publishedAt,
      Instant updatedAt,
      String sectionSlug,
      String leadImage) {

    /** When it last changed for a reader: never before it was published. */
    public Instant lastChanged() {
      return updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
  }

  /** Everything visible at {@code now}, oldest first. */
  public List<Entry> all(Instant now) {
    return database.read(h -> query(h, COLUMNS + " ORDER BY a.published_at, a.id", now));
  }

  /** Articles visible at {@code now} that were published in {@code [from, to)}, oldest first. */
  public List<Entry> publishedBetween(Instant from, Instant to, Instant now) {
    return database.read(h ->
        h.createQuery(
                COLUMNS
                    + " AND a.published_at >= :from AND a.published_at < :to"
                    + " ORDER BY a.published_at, a.id")
            .bind("now", now.toEpochMilli())
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .map((rs, ctx) -> entry(rs))
            .collect(visible(h)));
  }

  /** The members of these translation groups visible at {@code now}, by group. */
  public Map<String, List<Entry>> groups(Collection<String> groups, Instant now) {
    Map<String, List<Entry>> byGroup = new HashMap<>();
    if (groups.isEmpty()) {
      return byGroup;
    }
    database
        .read(h ->
            h.createQuery(COLUMNS + " AND a.translation_group IN (<groups>) ORDER BY a.lang")
                .bind("now", now.toEpochMilli())
                .bindList("groups", List.copyOf(groups))
                .map((rs, ctx) -> entry(rs))
                .collect(visible(h)))
        .forEach(e -> byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
    return byGroup;
  }

  /** Tag slugs of every visible article, by article id. */
  public Map<Long, List<String>> tagSlugs(Instant now) {
    return slugsByArticle(
        "SELECT at.article_id, t.slug FROM article_tag at JOIN tag t ON t.id = at.tag_id", now);
  }

  /** Author slugs of every visible article, by article id. */
  public Map<Long, List<String>> authorSlugs(Instant now) {
    return slugsByArticle(
        "SELECT aa.article_id, au.slug FROM article_author aa JOIN author au ON au.id = aa.author_id",
        now);
  }

  /**
   * Names of media files that visible bodies show ({@code /media/name}): exported with the pages,
   * and only those, so a draft's pictures never leave the server.
   */
  public Set<String> mediaInBodies(Instant now) {
    Set<String> names = new TreeSet<>();
    database
        .read(h ->
            h.createQuery(
                    "SELECT a.body_html FROM article a WHERE a.status = 'published'"
                        + " AND a.published_at <= :now AND a.body_html LIKE '%/media/%'")
                .bind("now", now.toEpochMilli())
                .mapTo(String.class)
                .list())
        .forEach(html -> {
          Matcher m = MEDIA.matcher(html);
          while (m.find()) {
            names.add(m.group(1));
          }
        });
    return names;
  }

  private Map<Long, List<String>> slugsByArticle(String select, Instant now) {
    Map<Long, List<String>> byArticle = new HashMap<>();
    database.read(h ->
        h.createQuery(
                select
                    + " JOIN article a ON a.id = article_id"
                    + " WHERE a.status = 'published' AND a.published_at <= :now"
                    + " ORDER BY 1, 2")
            .bind("now", now.toEpochMilli())
            .map((rs, ctx) -> {
              byArticle.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
              return null;
            })
            .list());
    return byArticle;
  }

  private List<Entry> query(Handle h, String sql, Instant now) {
    return h.createQuery(sql)
        .bind("now", now.toEpochMilli())
        .map((rs, ctx) -> entry(rs))
        .collect(visible(h));
  }

  /** Collects entries without those the guard withholds. */
  private Collector<Entry, ?, List<Entry>> visible(Handle h) {
    return Collectors.collectingAndThen(
        Collectors.toList(),
        entries -> {
          Set<Long> withheld = guard.withheld(h, entries.stream().map(Entry::id).toList());
          return entries.stream().filter(e -> !withheld.contains(e.id())).toList();
        });
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        Language.fromCode(rs.getString("lang")).orElseThrow(),
        rs.getString("slug"),
        rs.getString("translation_group"),
        rs.getString("title"),
        Instant.ofEpochMilli(rs.getLong("published_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getString("section_slug"),
        rs.getString("lead_image"));
  }
}
