package org.tamizdat.sources;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.PublishedTextGuard;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/**
 * Stores sources with their secret fields encrypted (see {@link SourceCipher}) and links them to
 * the articles that quote them. Nothing here logs or audits a reveal: the admin screen that calls
 * {@link #reveal} does, with who asked.
 */
public final class SourceRepository {
  static final String REAL_NAME = "real_name";
  static final String CONTACTS = "contacts";
  static final String NOTES = "notes";

  /** The audit log's action for a reveal. */
  public static final String REVEAL_ACTION = "source.reveal";

  private static final int MAX_PSEUDONYM = 200;

  private final Database database;
  private final SourceKeys keys;
  private final SourceCipher cipher;
  private final ChangeLog changeLog;
  private final PublishedTextGuard guard;
  private final Clock clock;

  public SourceRepository(
      Database database,
      SourceKeys keys,
      ChangeLog changeLog,
      PublishedTextGuard guard,
      SecureRandom random,
      Clock clock) {
    this.database = database;
    this.keys = keys;
    this.cipher = new SourceCipher(random);
    this.changeLog = changeLog;
    this.guard = guard;
    this.clock = clock;
  }

  /**
   * Creates a source kept by staff member {@code ownerId}; returns its id.
   *
   * @throws SourcesUnreadable when there is no key to encrypt with
   * @throws IllegalArgumentException when the pseudonym is empty or too long
   */
  public long create(String pseudonym, SourceSecrets secrets, long ownerId) {
    String name = checkedPseudonym(pseudonym);
    KeyRing ring = keys.ring();
    long now = clock.millis();
    return database.write(h -> {
      long id =
          h.createQuery(
                  """
                  INSERT INTO source (pseudonym, real_name, contacts, notes, key_id, owner_id,
                    created_at, updated_at)
                  VALUES (:pseudonym, '', '', '', :key, :owner, :now, :now)
                  RETURNING id
                  """)
              .bind("pseudonym", name)
              .bind("key", ring.current().id())
              .bind("owner", ownerId)
              .bind("now", now)
              .mapTo(Long.class)
              .one();
      // The id is part of the associated data, so the fields are sealed once the row has one.
      writeSecrets(h, ring, id, secrets);
      return id;
    });
  }

  /** Replaces a source's pseudonym and secrets; articles linking it are checked again. */
  public void update(long id, String pseudonym, SourceSecrets secrets) {
    String name = checkedPseudonym(pseudonym);
    KeyRing ring = keys.ring();
    database.write(h -> {
      int rows =
          h.createUpdate(
                  "UPDATE source SET pseudonym = :pseudonym, updated_at = :now WHERE id = :id")
              .bind("pseudonym", name)
              .bind("now", clock.millis())
              .bind("id", id)
              .execute();
      if (rows == 0) {
        throw new IllegalArgumentException("no source " + id);
      }
      writeSecrets(h, ring, id, secrets);
      // Public pages are read again, so an article that now names this source is withheld.
      linkedArticles(h, id).forEach(article -> changeLog.append(h, "article", article));
      return null;
    });
  }

  public Optional<Source> find(long id) {
    return database.read(h ->
        h.createQuery(
                "SELECT id, pseudonym, owner_id, created_at, updated_at FROM source WHERE id = :id")
            .bind("id", id)
            .map((rs, ctx) -> source(rs))
            .findOne());
  }

  /** Every source by pseudonym: what any staff screen may list. */
  public List<Source> list() {
    return database.read(h ->
        h.createQuery(
                "SELECT id, pseudonym, owner_id, created_at, updated_at FROM source"
                    + " ORDER BY pseudonym, id")
            .map((rs, ctx) -> source(rs))
            .list());
  }

  /**
   * Decrypts a source's secrets. Callers check the permission and write the audit entry.
   *
   * @throws SourcesUnreadable when the key is missing or wrong or the data was changed
   */
  public SourceSecrets reveal(long id) {
    KeyRing ring = keys.ring();
    return database
        .read(h -> secretsOf(h, cipher, ring, id))
        .orElseThrow(() -> new IllegalArgumentException("no source " + id));
  }

  /**
   * Links a source to an article. If the article is already public (or scheduled), its text must
   * pass the guard with the new link, or nothing is linked.
   *
   * @throws org.tamizdat.article.PublicationRefused with the findings otherwise
   */
  public void link(long articleId, long sourceId) {
    database.write(h -> {
      h.createUpdate(
              "INSERT INTO article_source (article_id, source_id) VALUES (:a, :s)"
                  + " ON CONFLICT DO NOTHING")
          .bind("a", articleId)
          .bind("s", sourceId)
          .execute();
      boolean published =
          h.createQuery("SELECT COUNT(*) FROM article WHERE id = :id AND status = 'published'")
                  .bind("id", articleId)
                  .mapTo(Integer.class)
                  .one()
              > 0;
      if (published) {
        guard.admit(h, articleId);
      }
      changeLog.append(h, "article", articleId);
      return null;
    });
  }

  public void unlink(long articleId, long sourceId) {
    database.write(h -> {
      h.createUpdate("DELETE FROM article_source WHERE article_id = :a AND source_id = :s")
          .bind("a", articleId)
          .bind("s", sourceId)
          .execute();
      changeLog.append(h, "article", articleId);
      return null;
    });
  }

  /** The sources an article links, by pseudonym. */
  public List<Source> linkedTo(long articleId) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT s.id, s.pseudonym, s.owner_id, s.created_at, s.updated_at
                FROM article_source x JOIN source s ON s.id = x.source_id
                WHERE x.article_id = :a ORDER BY s.pseudonym, s.id
                """)
            .bind("a", articleId)
            .map((rs, ctx) -> source(rs))
            .list());
  }

  /** An article as the source screens list it: enough to recognise and link it. */
  public record ArticleRef(long id, String lang, String title, String status) {}

  /** The articles a source is linked to, newest first. */
  public List<ArticleRef> articlesLinking(long sourceId) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT a.id, a.lang, a.title, a.status FROM article_source x
                JOIN article a ON a.id = x.article_id
                WHERE x.source_id = :s ORDER BY a.updated_at DESC, a.id DESC
                """)
            .bind("s", sourceId)
            .map((rs, ctx) -> articleRef(rs))
            .list());
  }

  /** The most recently changed articles, drafts included: what a source may be linked to. */
  public List<ArticleRef> recentArticles(int limit) {
    return database.read(h ->
        h.createQuery(
                "SELECT a.id, a.lang, a.title, a.status FROM article a"
                    + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit")
            .bind("limit", limit)
            .map((rs, ctx) -> articleRef(rs))
            .list());
  }

  /** One recorded reveal of a source: when and by whom (the audit log's row). */
  public record Reveal(long sourceId, Instant at, String by) {}

  /**
   * Reveals of these sources, newest first, as the audit log has them: what a source's owner is
   * shown.
   */
  public List<Reveal> reveals(List<Long> sourceIds, int limit) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return database.read(h ->
        h.createQuery(
                """
                SELECT object_id, at, actor_email FROM audit_log
                WHERE action = :action AND object_type = 'source' AND object_id IN (<ids>)
                ORDER BY id DESC LIMIT :limit
                """)
            .bind("action", REVEAL_ACTION)
            .bindList("ids", sourceIds.stream().map(String::valueOf).toList())
            .bind("limit", limit)
            .map((rs, ctx) ->
                new Reveal(
                    Long.parseLong(rs.getString(1)),
                    Instant.ofEpochMilli(rs.getLong(2)),
                    rs.getString(3)))
            .list());
  }

  private static ArticleRef articleRef(ResultSet rs) throws SQLException {
    return new ArticleRef(
        rs.getLong("id"), rs.getString("lang"), rs.getString("title"), rs.getString("status"));
  }

  /**
   * The decrypted sources an article links, through the caller's handle: for the guard.
   *
   * @throws SourcesUnreadable when there are some and they cannot be decrypted
   */
  static List<ProtectedSource> protectedFor(
      Handle h, SourceKeys keys, SourceCipher cipher, long articleId) {
    List<Source> linked =
        h.createQuery(
                """
                SELECT s.id, s.pseudonym, s.owner_id, s.created_at, s.updated_at
                FROM article_source x JOIN source s ON s.id = x.source_id
                WHERE x.article_id = :a ORDER BY s.id
                """)
            .bind("a", articleId)
            .map((rs, ctx) -> source(rs))
            .list();
    if (linked.isEmpty()) {
      return List.of();
    }
    KeyRing ring = keys.ring();
    return linked.stream()
        .map(s ->
            new ProtectedSource(
                s.id(), s.pseudonym(), secretsOf(h, cipher, ring, s.id()).orElseThrow()))
        .toList();
  }

  private static Optional<SourceSecrets> secretsOf(
      Handle h, SourceCipher cipher, KeyRing ring, long id) {
    return h.createQuery("SELECT real_name, contacts, notes FROM source WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) ->
            new SourceSecrets(
                cipher.open(ring, id, REAL_NAME, rs.getString(1)),
                cipher.open(ring, id, CONTACTS, rs.getString(2)),
                cipher.open(ring, id, NOTES, rs.getString(3))))
        .findOne();
  }

  private void writeSecrets(Handle h, KeyRing ring, long id, SourceSecrets secrets) {
    h.createUpdate(
            """
            UPDATE source SET real_name = :name, contacts = :contacts, notes = :notes, key_id = :key
            WHERE id = :id
            """)
        .bind("name", cipher.seal(ring, id, REAL_NAME, secrets.realName()))
        .bind("contacts", cipher.seal(ring, id, CONTACTS, secrets.contacts()))
        .bind("notes", cipher.seal(ring, id, NOTES, secrets.notes()))
        .bind("key", ring.current().id())
        .bind("id", id)
        .execute();
  }

  private static List<Long> linkedArticles(Handle h, long sourceId) {
    return h.createQuery("SELECT article_id FROM article_source WHERE source_id = :s")
        .bind("s", sourceId)
        .mapTo(Long.class)
        .list();
  }

  private static String checkedPseudonym(String pseudonym) {
    String name = pseudonym == null ? "" : pseudonym.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a source needs a public pseudonym");
    }
    if (name.length() > MAX_PSEUDONYM) {
      throw new IllegalArgumentException(
          "a pseudonym has at most " + MAX_PSEUDONYM + " characters");
    }
    return name;
  }

  private static Source source(ResultSet rs) throws SQLException {
    return new Source(
        rs.getLong("id"),
        rs.getString("pseudonym"),
        rs.getLong("owner_id"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
