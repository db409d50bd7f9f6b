package org.tamizdat.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tamizdat.article.ArticleRepository.Filter;
import org.tamizdat.article.ArticleRepository.SummaryRow;
import org.tamizdat.article.ArticleRepository.Translation;
import org.tamizdat.db.Database;

/**
 * The published articles as readers see them at one moment, loaded in a few queries: what a static
 * export renders every page from. The server asks the database page by page, three or four queries
 * each; for tens of thousands of pages that was most of an export's time. Everything but the bodies
 * is held in memory (about a kilobyte per article); a body is read when its page or feed entry is
 * rendered. The answers are the {@link ArticleRepository}'s at {@code now}, in the same order, so
 * the pages come out byte for byte the same.
 */
public final class ArticleSnapshot implements PublishedArticles {
  private static final int BODY_BLOCK = 64;
  private static final int BODY_BLOCKS_KEPT = 16;

  /** One visible article without its body. */
  private record Row(
      SummaryRow summary,
      String group,
      Status status,
      Instant updatedAt,
      List<Author> authors,
      List<Tag> tags) {}

  private final Database database;
  private final long now;
  private final Map<Long, Row> byId = new HashMap<>();
  private final Map<String, Long> bySlug = new HashMap<>();
  private final Map<String, List<Row>> byGroup = new HashMap<>();
  private final Map<Language, List<Row>> newestFirst = new HashMap<>();
  private final Instant nextPublication;

  private record Listing(Language lang, Filter filter) {}

  /** Built on first use; racing threads build the same map, and either copy will do. */
  private volatile Map<Listing, List<Long>> listings;

  /** Bodies by block of ids: a few hundred at a time, a few megabytes. */
  private final Cache<Long, Map<Long, String>> bodies =
      Caffeine.newBuilder().maximumSize(BODY_BLOCKS_KEPT).build();

  private ArticleSnapshot(Database database, Instant now, PublishedTextGuard guard) {
    this.database = database;
    this.now = now.toEpochMilli();
    Map<Long, List<Author>> authors = new HashMap<>();
    Map<Long, List<Tag>> tags = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    this.nextPublication =
        database.read(h -> {
          h.createQuery(
                  """
                  SELECT aa.article_id, au.id, au.slug, COALESCE(an.name, au.slug) AS name,
                         COALESCE(an.bio, '') AS bio
                  FROM article_author aa
                  JOIN article a ON a.id = aa.article_id
                  JOIN author au ON au.id = aa.author_id
                  LEFT JOIN author_name an ON an.author_id = au.id AND an.lang = a.lang
                  WHERE\s\
                  """
                      + ArticleRepository.IS_PUBLIC
                      + " ORDER BY aa.article_id, aa.position")
              .bind("now", this.now)
              .map((rs, ctx) -> {
                authors
                    .computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                    .add(
                        new Author(
                            rs.getLong("id"),
                            rs.getString("slug"),
                            rs.getString("name"),
                            rs.getString("bio")));
                return null;
              })
              .forEach(ignored -> {});
          h.createQuery(
                  """
                  SELECT at.article_id, a.lang, t.id, t.slug, t.name
                  FROM article_tag at
                  JOIN article a ON a.id = at.article_id
                  JOIN tag t ON t.id = at.tag_id
                  WHERE\s\
                  """
                      + ArticleRepository.IS_PUBLIC
                      + " ORDER BY at.article_id, t.name")
              .bind("now", this.now)
              .map((rs, ctx) -> {
                tags.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                    .add(
                        new Tag(
                            rs.getLong("id"),
                            Language.fromCode(rs.getString("lang")).orElseThrow(),
                            rs.getString("slug"),
                            rs.getString("name")));
                return null;
              })
              .forEach(ignored -> {});
          h.createQuery(
                  "SELECT "
                      + ArticleRepository.SUMMARY_COLUMNS
                      + """
                      , a.translation_group, a.status, a.updated_at
                      FROM article a
                      LEFT JOIN section s ON s.id = a.section_id
                      LEFT JOIN section_name sn ON sn.section_id = s.id AND sn.lang = a.lang
                      WHERE\s\
                      """
                      + ArticleRepository.IS_PUBLIC
                      + " ORDER BY a.published_at DESC, a.id DESC")
              .bind("now", this.now)
              .map((rs, ctx) -> {
                SummaryRow summary = SummaryRow.of(rs);
                long id = summary.id();
                return new Row(
                    summary,
                    rs.getString("translation_group"),
                    Status.fromDb(rs.getString("status")),
                    Instant.ofEpochMilli(rs.getLong("updated_at")),
                    List.copyOf(authors.getOrDefault(id, List.of())),
                    List.copyOf(tags.getOrDefault(id, List.of())));
              })
              .list()
              .forEach(rows::add);
          // The same defence in depth as the repository: text the sources guard withholds stays
          // out.
          Set<Long> withheld = guard.withheld(h, rows.stream().map(r -> r.summary().id()).toList());
          rows.stream().filter(r -> !withheld.contains(r.summary().id())).forEach(this::add);
          return h.createQuery(
                  "SELECT MIN(published_at) FROM article"
                      + " WHERE status = 'published' AND published_at > :now")
              .bind("now", this.now)
              .mapTo(Long.class)
              .findOne()
              .map(Instant::ofEpochMilli)
              .orElse(null);
        });
  }

  /** Reads every article visible at {@code now}, except the bodies. */
  public static ArticleSnapshot load(Database database, Instant now) {
    return load(database, now, PublishedTextGuard.NONE);
  }

  /** The same, leaving out what {@code guard} withholds. */
  public static ArticleSnapshot load(Database database, Instant now, PublishedTextGuard guard) {
    return new ArticleSnapshot(database, now, guard);
  }

  /** How many articles it holds, both editions. */
  public int size() {
    return byId.size();
  }

  private void add(Row row) {
    SummaryRow s = row.summary();
    byId.put(s.id(), row);
    bySlug.put(key(s.lang(), s.slug()), s.id());
    newestFirst.computeIfAbsent(s.lang(), l -> new ArrayList<>()).add(row);
    if (row.group() != null) {
      byGroup.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row);
    }
  }

  private static String key(Language lang, String slug) {
    return lang.code() + "/" + slug;
  }

  @Override
  public PageOf<ArticleSummary> list(Language lang, Filter filter, int page, int pageSize) {
    long[] ids = listingIds(lang, filter);
    int from = (int) Math.min(ids.length, (long) (page - 1) * pageSize);
    List<Long> slice =
        Arrays.stream(ids, from, Math.min(ids.length, from + pageSize)).boxed().toList();
    return new PageOf<>(summaries(lang, slice), page, pageSize, ids.length);
  }

  @Override
  public long[] listingIds(Language lang, Filter filter) {
    List<Long> ids = listings().getOrDefault(new Listing(lang, filter), List.of());
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Every listing's ids, newest first, from one pass over the articles: an export asks for hundreds
   * of listings, and filtering all articles for each was a tenth of its time.
   */
  private Map<Listing, List<Long>> listings() {
    Map<Listing, List<Long>> built = listings;
    if (built == null) {
      built = new HashMap<>();
      for (Map.Entry<Language, List<Row>> edition : newestFirst.entrySet()) {
        for (Row row : edition.getValue()) {
          for (Filter filter : filters(row)) {
            built
                .computeIfAbsent(new Listing(edition.getKey(), filter), k -> new ArrayList<>())
                .add(row.summary().id());
          }
        }
      }
      listings = built;
    }
    return built;
  }

  /** The listings an article is in, each once. */
  private static Set<Filter> filters(Row row) {
    Set<Filter> in = new LinkedHashSet<>();
    in.add(new Filter.Edition());
    if (row.summary().section() != null) {
      in.add(new Filter.InSection(row.summary().section().id()));
    }
    row.tags().forEach(tag -> in.add(new Filter.WithTag(tag.id())));
    row.authors().forEach(author -> in.add(new Filter.ByAuthor(author.id())));
    return in;
  }

  /**
   * Author names are held in each article's own language, which is what every listing asks for; an
   * edition's listing never names articles of the other.
   */
  @Override
  public List<ArticleSummary> summaries(Language lang, List<Long> ids) {
    return ids.stream()
        .map(byId::get)
        .filter(Objects::nonNull)
        .filter(row -> row.summary().lang() == lang)
        .map(row -> row.summary().toSummary(row.authors()))
        .toList();
  }

  @Override
  public Optional<Instant> nextPublication() {
    return Optional.ofNullable(nextPublication);
  }

  @Override
  public Optional<Article> findPublished(Language lang, String slug) {
    Row row = Optional.ofNullable(bySlug.get(key(lang, slug))).map(byId::get).orElse(null);
    if (row == null) {
      return Optional.empty();
    }
    SummaryRow s = row.summary();
    return body(s.id())
        .map(body ->
            new Article(
                s.id(),
                s.lang(),
                s.slug(),
                row.group(),
                s.kicker(),
                s.title(),
                s.dek(),
                body,
                s.section(),
                row.authors(),
                row.tags(),
                row.status(),
                s.publishedAt(),
                row.updatedAt(),
                s.leadImage(),
                s.leadCaption()));
  }

  /**
   * A body, read with the others of its block of ids: one query per block instead of one per page.
   * An export renders article pages in id order, so each block is read about once.
   */
  private Optional<String> body(long id) {
    return Optional.ofNullable(bodies.get(id / BODY_BLOCK, this::readBodies).get(id));
  }

  private Map<Long, String> readBodies(long block) {
    Map<Long, String> found = new HashMap<>();
    database.read(h ->
        h.createQuery(
                "SELECT a.id, a.body_html FROM article a WHERE a.id >= :from AND a.id < :until"
                    + " AND "
                    + ArticleRepository.IS_PUBLIC)
            .bind("from", block * BODY_BLOCK)
            .bind("until", (block + 1) * BODY_BLOCK)
            .bind("now", now)
            .map((rs, ctx) -> found.put(rs.getLong("id"), rs.getString("body_html")))
            .list());
    return found;
  }

  @Override
  public List<Translation> translations(Article article) {
    if (article.translationGroup() == null) {
      return List.of();
    }
    return byGroup.getOrDefault(article.translationGroup(), List.of()).stream()
        .filter(row -> row.summary().id() != article.id())
        .sorted(Comparator.comparing(row -> row.summary().lang().code()))
        .map(row ->
            new Translation(
                row.summary().lang(), row.summary().slug(), row.summary().publishedAt()))
        .toList();
  }
}
