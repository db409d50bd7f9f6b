package org.tamizdat.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** The media library's rows. An edit of the texts is public content: it goes to the change log. */
public final class MediaRepository {
  private static final String SELECT =
      """
      SELECT m.id, m.file_key, m.mime, m.width, m.height, m.alt_text, m.caption, m.credit,
             m.uploaded_by, m.uploaded_at,
             f.name, f.width AS file_width, f.height AS file_height, f.mime AS file_mime, f.bytes,
             f.is_original
      FROM media m JOIN media_file f ON f.media_id = m.id
      """;

  private final Database database;
  private final ChangeLog changeLog;

  public MediaRepository(Database database, ChangeLog changeLog) {
    this.database = database;
    this.changeLog = changeLog;
  }

  /** A new image's row and its files, in one transaction; the files must already be stored. */
  StoredMedia insert(
      String key,
      String mime,
      int width,
      int height,
      MediaText text,
      Long uploadedBy,
      Instant at,
      List<MediaFile> files) {
    return database.write(h -> {
      long id =
          h.createQuery(
                  """
                  INSERT INTO media (file_key, mime, width, height, alt_text, caption, credit,
                                     uploaded_by, uploaded_at)
                  VALUES (:key, :mime, :width, :height, :alt, :caption, :credit, :by, :at)
                  RETURNING id
                  """)
              .bind("key", key)
              .bind("mime", mime)
              .bind("width", width)
              .bind("height", height)
              .bind("alt", text.altText())
              .bind("caption", text.caption())
              .bind("credit", text.credit())
              .bind("by", uploadedBy)
              .bind("at", at.toEpochMilli())
              .mapTo(Long.class)
              .one();
      for (MediaFile f : files) {
        h.createUpdate(
                """
                INSERT INTO media_file (media_id, width, height, name, mime, bytes, is_original)
                VALUES (:id, :width, :height, :name, :mime, :bytes, :original)
                """)
            .bind("id", id)
            .bind("width", f.width())
            .bind("height", f.height())
            .bind("name", f.name())
            .bind("mime", f.mime())
            .bind("bytes", f.bytes())
            .bind("original", f.original() ? 1 : 0)
            .execute();
      }
      return where(h, "m.id = :value", id).getFirst();
    });
  }

  public Optional<StoredMedia> find(long id) {
    return database.read(h -> where(h, "m.id = :value", id).stream().findFirst());
  }

  public Optional<StoredMedia> findByKey(String key) {
    return database.read(h -> where(h, "m.file_key = :value", key).stream().findFirst());
  }

  /** The image one of whose files (original or resized) has this name. */
  public Optional<StoredMedia> findByFile(String name) {
    return database.read(h ->
        where(h, "m.id = (SELECT media_id FROM media_file WHERE name = :value)", name).stream()
            .findFirst());
  }

  /** The images these file names belong to, by the name asked for; names not found are absent. */
  public Map<String, StoredMedia> findByFiles(Collection<String> names) {
    Map<String, StoredMedia> found = new LinkedHashMap<>();
    for (String name : names) {
      if (!found.containsKey(name) && MediaNames.isLibraryFile(name)) {
        findByFile(name).ifPresent(m -> found.put(name, m));
      }
    }
    return found;
  }

  /** Newest first. */
  public List<StoredMedia> newest(int limit, int offset) {
    return database.read(h -> {
      List<Long> ids =
          h.createQuery(
                  "SELECT id FROM media ORDER BY uploaded_at DESC, id DESC LIMIT :limit OFFSET :offset")
              .bind("limit", limit)
              .bind("offset", offset)
              .mapTo(Long.class)
              .list();
      List<StoredMedia> page = new ArrayList<>();
      for (long id : ids) {
        page.addAll(where(h, "m.id = :value", id));
      }
      return page;
    });
  }

  public long count() {
    return database.read(h -> h.createQuery("SELECT COUNT(*) FROM media").mapTo(Long.class).one());
  }

  /** Sets the alt text, caption and credit; false when there is no such image. */
  public boolean updateText(long id, MediaText text) {
    return database.write(h -> {
      int changed =
          h.createUpdate(
                  "UPDATE media SET alt_text = :alt, caption = :caption, credit = :credit"
                      + " WHERE id = :id")
              .bind("alt", text.altText())
              .bind("caption", text.caption())
              .bind("credit", text.credit())
              .bind("id", id)
              .execute();
      if (changed > 0) {
        changeLog.append(h, "media", id);
      }
      return changed > 0;
    });
  }

  /** This installation's secret for naming files, made on first use (once, whichever node). */
  String namingSecret() {
    return database.write(h -> {
      String fresh = java.util.HexFormat.of().formatHex(randomBytes());
      h.createUpdate(
              "INSERT INTO media_naming_key (id, secret) VALUES (1, :secret)"
                  + " ON CONFLICT (id) DO NOTHING")
          .bind("secret", fresh)
          .execute();
      return h.createQuery("SELECT secret FROM media_naming_key WHERE id = 1")
          .mapTo(String.class)
          .one();
    });
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static List<StoredMedia> where(Handle h, String condition, Object value) {
    Map<Long, List<MediaFile>> files = new LinkedHashMap<>();
    Map<Long, StoredMedia> rows = new LinkedHashMap<>();
    h.createQuery(SELECT + " WHERE " + condition + " ORDER BY m.id, f.width")
        .bind("value", value)
        .map((rs, ctx) -> {
          long id = rs.getLong("id");
          files.computeIfAbsent(id, k -> new ArrayList<>()).add(file(rs));
          rows.putIfAbsent(id, media(rs, List.of()));
          return id;
        })
        .list();
    List<StoredMedia> result = new ArrayList<>();
    rows.forEach((id, m) -> result.add(withFiles(m, files.get(id))));
    return result;
  }

  private static MediaFile file(ResultSet rs) throws SQLException {
    return new MediaFile(
        rs.getString("name"),
        rs.getInt("file_width"),
        rs.getInt("file_height"),
        rs.getString("file_mime"),
        rs.getLong("bytes"),
        rs.getInt("is_original") == 1);
  }

  private static StoredMedia media(ResultSet rs, List<MediaFile> files) throws SQLException {
    long by = rs.getLong("uploaded_by");
    Long uploadedBy = rs.wasNull() ? null : by;
    return new StoredMedia(
        rs.getLong("id"),
        rs.getString("file_key"),
        rs.getString("mime"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getString("alt_text"),
        rs.getString("caption"),
        rs.getString("credit"),
        uploadedBy,
        Instant.ofEpochMilli(rs.getLong("uploaded_at")),
        files);
  }

  private static StoredMedia withFiles(StoredMedia m, List<MediaFile> files) {
    return new StoredMedia(
        m.id(),
        m.key(),
        m.mime(),
        m.width(),
        m.height(),
        m.altText(),
        m.caption(),
        m.credit(),
        m.uploadedBy(),
        m.uploadedAt(),
        files);
  }
}
