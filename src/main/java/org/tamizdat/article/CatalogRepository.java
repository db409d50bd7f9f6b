package org.tamizdat.article;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** Sections, authors and tags: the things articles are filed under, with names per language. */
public final class CatalogRepository implements PublishedCatalog {
  private final Database database;
  private final ChangeLog changeLog;

  public CatalogRepository(Database database, ChangeLog changeLog) {
    this.database = database;
    this.changeLog = changeLog;
  }

  @Override
  public List<Section> sections(Language lang) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT s.id, s.slug, COALESCE(n.name, s.slug) AS name FROM section s
                LEFT JOIN section_name n ON n.section_id = s.id AND n.lang = :lang
                ORDER BY s.position, s.slug
                """)
            .bind("lang", lang.code())
            .map((rs, ctx) ->
                new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
            .list());
  }

  @Override
  public Optional<Section> section(Language lang, String slug) {
    return sections(lang).stream().filter(s -> s.slug().equals(slug)).findFirst();
  }

  @Override
  public Optional<Author> author(Language lang, String slug) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT a.id, a.slug, COALESCE(n.name, a.slug) AS name, COALESCE(n.bio, '') AS bio
                FROM author a LEFT JOIN author_name n ON n.author_id = a.id AND n.lang = :lang
                WHERE a.slug = :slug
                """)
            .bind("lang", lang.code())
            .bind("slug", slug)
            .map((rs, ctx) ->
                new Author(
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("name"),
                    rs.getString("bio")))
            .findOne());
  }

  /** Every author's slug: each has a page in both editions, even with nothing published there. */
  @Override
  public Optional<String> authorPhoto(String slug) {
    return database.read(h ->
        h.createQuery("SELECT photo FROM author WHERE slug = :slug AND photo IS NOT NULL")
            .bind("slug", slug)
            .mapTo(String.class)
            .findOne());
  }

  /** Every author photo that is set: an export copies them with the pages that show them. */
  public List<String> authorPhotos() {
    return database.read(h ->
        h.createQuery("SELECT photo FROM author WHERE photo IS NOT NULL ORDER BY photo")
            .mapTo(String.class)
            .list());
  }

  public List<String> authorSlugs() {
    return database.read(
        h -> h.createQuery("SELECT slug FROM author ORDER BY slug").mapTo(String.class).list());
  }

  @Override
  public Optional<Tag> tag(Language lang, String slug) {
    return database.read(h ->
        h.createQuery("SELECT id, slug, name FROM tag WHERE lang = :lang AND slug = :slug")
            .bind("lang", lang.code())
            .bind("slug", slug)
            .map((rs, ctx) ->
                new Tag(rs.getLong("id"), lang, rs.getString("slug"), rs.getString("name")))
            .findOne());
  }

  /** Creates or renames a section; {@code names} maps each language to its name. */
  public void saveSection(String slug, int position, Map<Language, String> names) {
    database.write(h -> {
      long id = upsertSlug(h, "section", slug);
      h.createUpdate("UPDATE section SET position = :p WHERE id = :id")
          .bind("p", position)
          .bind("id", id)
          .execute();
      names.forEach((lang, name) ->
          h.createUpdate(
                  """
                  INSERT INTO section_name (section_id, lang, name) VALUES (:id, :lang, :name)
                  ON CONFLICT (section_id, lang) DO UPDATE SET name = excluded.name
                  """)
              .bind("id", id)
              .bind("lang", lang.code())
              .bind("name", name)
              .execute());
      changeLog.append(h, "section", id);
      return null;
    });
  }

  /** Creates or updates an author; {@code names} and {@code bios} are per language. */
  public void saveAuthor(String slug, Map<Language, String> names, Map<Language, String> bios) {
    database.write(h -> {
      saveAuthor(h, slug, names, bios);
      return null;
    });
  }

  /** The same inside the caller's transaction (the admin also sets the photo there). */
  public void saveAuthor(
      Handle h, String slug, Map<Language, String> names, Map<Language, String> bios) {
    long id = upsertSlug(h, "author", slug);
    names.forEach((lang, name) ->
        h.createUpdate(
                """
                INSERT INTO author_name (author_id, lang, name, bio) VALUES (:id, :lang, :name, :bio)
                ON CONFLICT (author_id, lang) DO UPDATE SET name = excluded.name, bio = excluded.bio
                """)
            .bind("id", id)
            .bind("lang", lang.code())
            .bind("name", name)
            .bind("bio", bios.getOrDefault(lang, ""))
            .execute());
    changeLog.append(h, "author", id);
  }

  private static long upsertSlug(Handle h, String table, String slug) {
    if (!Slugs.isValid(slug)) {
      throw new IllegalArgumentException("invalid " + table + " slug '" + slug + "'");
    }
    return h.createQuery("SELECT id FROM " + table + " WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(Long.class)
        .findOne()
        .orElseGet(() ->
            h.createQuery("INSERT INTO " + table + " (slug) VALUES (:slug) RETURNING id")
                .bind("slug", slug)
                .mapTo(Long.class)
                .one());
  }
}
