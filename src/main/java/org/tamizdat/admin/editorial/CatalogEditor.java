package org.tamizdat.admin.editorial;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.Slugs;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/**
 * Sections, authors and tags as the admin edits them: every language's name at once. Writes go
 * through {@link CatalogRepository} where it has them, and otherwise append to the change log in
 * the same transaction, so pages that show names follow.
 */
public final class CatalogEditor {
  /** A media path as lead images have them: relative, no way out of the media directory. */
  private static final Pattern MEDIA_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._/-]{0,299}");

  public record SectionEntry(long id, String slug, int position, Map<Language, String> names) {}

  public record AuthorEntry(
      long id,
      String slug,
      Map<Language, String> names,
      Map<Language, String> bios,
      String photo) {}

  private record Name(long id, String lang, String name, String bio) {
    static Name of(java.sql.ResultSet rs) throws java.sql.SQLException {
      return new Name(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }
  }

  public record TagEntry(long id, Language lang, String slug, String name, long articles) {}

  private final Database database;
  private final CatalogRepository catalog;
  private final ChangeLog changeLog;

  public CatalogEditor(Database database, CatalogRepository catalog, ChangeLog changeLog) {
    this.database = database;
    this.catalog = catalog;
    this.changeLog = changeLog;
  }

  public List<SectionEntry> sections() {
    return database.read(h -> {
      Map<Long, SectionEntry> byId = new LinkedHashMap<>();
      h.createQuery("SELECT id, slug, position FROM section ORDER BY position, slug")
          .map((rs, ctx) ->
              new SectionEntry(
                  rs.getLong(1), rs.getString(2), rs.getInt(3), new EnumMap<>(Language.class)))
          .forEach(s -> byId.put(s.id(), s));
      h.createQuery("SELECT section_id, lang, name, '' FROM section_name")
          .map((rs, ctx) -> Name.of(rs))
          .forEach(n ->
              Language.fromCode(n.lang())
                  .ifPresent(l -> byId.get(n.id()).names().put(l, n.name())));
      return List.copyOf(byId.values());
    });
  }

  /** Creates or updates a section; every edition needs a name. */
  public void saveSection(String slug, int position, Map<Language, String> names) {
    requireAllNames(names, "section");
    catalog.saveSection(slug, position, trimmed(names));
  }

  public List<AuthorEntry> authors() {
    return database.read(h -> {
      Map<Long, AuthorEntry> byId = new LinkedHashMap<>();
      h.createQuery("SELECT id, slug, photo FROM author ORDER BY slug")
          .map((rs, ctx) ->
              new AuthorEntry(
                  rs.getLong(1),
                  rs.getString(2),
                  new EnumMap<>(Language.class),
                  new EnumMap<>(Language.class),
                  rs.getString(3)))
          .forEach(a -> byId.put(a.id(), a));
      h.createQuery("SELECT author_id, lang, name, bio FROM author_name")
          .map((rs, ctx) -> Name.of(rs))
          .forEach(n ->
              Language.fromCode(n.lang())
                  .ifPresent(l -> {
                    byId.get(n.id()).names().put(l, n.name());
                    byId.get(n.id()).bios().put(l, n.bio());
                  }));
      return List.copyOf(byId.values());
    });
  }

  public Optional<AuthorEntry> author(String slug) {
    return authors().stream().filter(a -> a.slug().equals(slug)).findFirst();
  }

  /**
   * Creates or updates an author: names and bios per edition, and a photo path under the media
   * directory (blank: none).
   */
  public void saveAuthor(
      String slug, Map<Language, String> names, Map<Language, String> bios, String photo) {
    requireAllNames(names, "author");
    String path = photo == null || photo.isBlank() ? null : photo.strip();
    if (path != null && (!MEDIA_PATH.matcher(path).matches() || path.contains(".."))) {
      throw new IllegalArgumentException(
          "photo must be a path inside the media directory, e.g. authors/name.jpg");
    }
    database.write(h -> {
      catalog.saveAuthor(h, slug, trimmed(names), trimmed(bios));
      long id =
          h.createQuery("SELECT id FROM author WHERE slug = :slug")
              .bind("slug", slug)
              .mapTo(Long.class)
              .one();
      h.createUpdate("UPDATE author SET photo = :photo WHERE id = :id")
          .bind("photo", path)
          .bind("id", id)
          .execute();
      return null;
    });
  }

  public List<TagEntry> tags(Language lang) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT t.id, t.slug, t.name,
                  (SELECT COUNT(*) FROM article_tag at WHERE at.tag_id = t.id) AS articles
                FROM tag t WHERE t.lang = :lang ORDER BY t.name
                """)
            .bind("lang", lang.code())
            .map((rs, ctx) ->
                new TagEntry(rs.getLong(1), lang, rs.getString(2), rs.getString(3), rs.getLong(4)))
            .list());
  }

  /** A new tag of an edition; its slug comes from the name. Returns its id. */
  public long createTag(Language lang, String name) {
    String clean = requireName(name, "tag");
    String slug = Slugs.slugify(clean);
    return database.write(h -> {
      boolean exists =
          h.createQuery("SELECT COUNT(*) FROM tag WHERE lang = :lang AND slug = :slug")
                  .bind("lang", lang.code())
                  .bind("slug", slug)
                  .mapTo(Long.class)
                  .one()
              > 0;
      if (exists) {
        throw new IllegalArgumentException("the " + lang.code() + " tag '" + slug + "' exists");
      }
      long id =
          h.createQuery(
                  "INSERT INTO tag (lang, slug, name) VALUES (:lang, :slug, :name) RETURNING id")
              .bind("lang", lang.code())
              .bind("slug", slug)
              .bind("name", clean)
              .mapTo(Long.class)
              .one();
      changeLog.append(h, "tag", id);
      return id;
    });
  }

  /** Renames a tag; its slug, and so its address, stays. */
  public void renameTag(long id, String name) {
    String clean = requireName(name, "tag");
    database.write(h -> {
      int updated =
          h.createUpdate("UPDATE tag SET name = :name WHERE id = :id")
              .bind("name", clean)
              .bind("id", id)
              .execute();
      if (updated == 0) {
        throw new IllegalArgumentException("no tag " + id);
      }
      changeLog.append(h, "tag", id);
      return null;
    });
  }

  private static void requireAllNames(Map<Language, String> names, String what) {
    for (Language lang : Language.values()) {
      requireName(names.get(lang), what + " (" + lang.code() + ")");
    }
  }

  private static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the " + what + " needs a name");
    }
    if (name.strip().length() > 200) {
      throw new IllegalArgumentException("the " + what + " name is longer than 200 characters");
    }
    return name.strip();
  }

  private static Map<Language, String> trimmed(Map<Language, String> values) {
    Map<Language, String> out = new EnumMap<>(Language.class);
    values.forEach((lang, v) -> out.put(lang, v == null ? "" : v.strip()));
    return out;
  }
}
