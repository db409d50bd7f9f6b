package org.tamizdat.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.tamizdat.db.Database;

/**
 * Puts an archive back. Every checksum is verified before anything changes; a target that already
 * holds rows, media or different keys is refused unless forced (then replaced, not merged). The
 * rows go in with one transaction, so a failure leaves the database as it was; media are unpacked
 * beside the media directory and swapped in after the commit.
 */
public final class Restore {
  /** What came back from an archive. */
  public record Summary(int tables, long rows, int mediaFiles, List<String> keysRestored) {}

  private final Database database;
  private final Path mediaDir;
  private final KeyFiles keys;

  public Restore(Database database, Path mediaDir, KeyFiles keys) {
    this.database = database;
    this.mediaDir = mediaDir;
    this.keys = keys;
  }

  public Summary restore(Path archive, boolean force, BackupProgress progress) {
    if (!Files.isRegularFile(archive)) {
      throw new IllegalArgumentException("no backup file at " + archive);
    }
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Manifest manifest = verify(zip, progress);
      prepareSchema(manifest.schemaVersion());
      List<String> reasons = occupied(zip, manifest);
      if (!reasons.isEmpty() && !force) {
        throw new IllegalStateException(
            "the target is not empty ("
                + String.join("; ", reasons)
                + "); nothing was restored, use --force to replace it");
      }
      Path staging = mediaDir.resolveSibling(mediaDir.getFileName() + ".restoring");
      deleteTree(staging);
      int media = unpackMedia(zip, manifest, staging, progress);
      long[] rows = {0};
      int tables =
          database.write(
              h -> Jdbc.call(() -> loadTables(h.getConnection(), zip, manifest, rows, progress)));
      database.migrate();
      swapMedia(staging);
      List<String> restoredKeys = writeKeys(zip, manifest);
      return new Summary(tables, rows[0], media, restoredKeys);
    } catch (ZipException e) {
      throw new IllegalArgumentException(
          archive + " is damaged or not a backup archive (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + archive + ": " + e.getMessage(), e);
    }
  }

  private Manifest verify(ZipFile zip, BackupProgress progress) throws IOException {
    ZipEntry manifestEntry = zip.getEntry(Manifest.ENTRY);
    if (manifestEntry == null) {
      throw new IllegalArgumentException("not a tamizdat backup: it has no " + Manifest.ENTRY);
    }
    Manifest manifest;
    try (InputStream in = zip.getInputStream(manifestEntry)) {
      manifest = Manifest.parse(in.readAllBytes());
    }
    List<String> names = new ArrayList<>();
    zip.stream().map(ZipEntry::getName).forEach(names::add);
    for (String name : names) {
      if (!name.equals(Manifest.ENTRY) && !manifest.sha256().containsKey(name)) {
        throw damaged("entry " + name + " is not in the manifest");
      }
    }
    progress.start("verify", manifest.sha256().size());
    for (Map.Entry<String, String> expected : manifest.sha256().entrySet()) {
      String name = expected.getKey();
      checkName(name);
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw damaged("entry " + name + " is missing");
      }
      MessageDigest digest = HashingEntry.sha256();
      try (InputStream in = zip.getInputStream(entry)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      } catch (ZipException e) {
        throw damaged("entry " + name + " cannot be read (" + e.getMessage() + ")");
      }
      if (!HexFormat.of().formatHex(digest.digest()).equals(expected.getValue())) {
        throw damaged("the checksum of " + name + " does not match");
      }
      progress.advance();
    }
    progress.finish();
    return manifest;
  }

  private void checkName(String name) {
    boolean known =
        name.startsWith("db/") && name.endsWith(".rows") && name.indexOf('/', 3) < 0
            || name.startsWith("keys/") && keys.byName().containsKey(name.substring(5))
            || name.startsWith("media/")
                && mediaDir.resolve(name.substring(6)).normalize().startsWith(mediaDir.normalize())
                && !name.endsWith("/");
    if (!known) {
      throw damaged("entry " + name + " is not allowed in a backup");
    }
  }

  private static IllegalArgumentException damaged(String what) {
    return new IllegalArgumentException(
        "the backup is damaged: " + what + "; nothing was restored");
  }

  /** Brings an empty target to the archive's schema; refuses archives from a newer build. */
  private void prepareSchema(String archiveVersion) {
    MigrationVersion archived = MigrationVersion.fromVersion(archiveVersion);
    String latest = database.latestSchemaVersion();
    if (archived.isNewerThan(latest)) {
      throw new IllegalStateException(
          "the backup has schema version "
              + archiveVersion
              + ", newer than this tamizdat ("
              + latest
              + "); restore it with a newer release");
    }
    String current = database.schemaVersion();
    if (current == null) {
      database.migrateTo(archiveVersion);
    } else if (!MigrationVersion.fromVersion(current).equals(archived)) {
      throw new IllegalStateException(
          "the target database is at schema version "
              + current
              + " and the backup at "
              + archiveVersion
              + "; restore into an empty database");
    }
  }

  private List<String> occupied(ZipFile zip, Manifest manifest) throws IOException {
    List<String> reasons = new ArrayList<>();
    List<String> filled =
        database.read(h ->
            Jdbc.call(() -> {
              List<String> tables = new ArrayList<>();
              Connection c = h.getConnection();
              for (String table : Tables.inDependencyOrder(c)) {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                  if (rs.next()) {
                    tables.add(table);
                  }
                }
              }
              return tables;
            }));
    if (!filled.isEmpty()) {
      reasons.add("database rows in " + String.join(", ", filled));
    }
    if (Files.isDirectory(mediaDir)) {
      try (Stream<Path> walk = Files.walk(mediaDir)) {
        if (walk.anyMatch(Files::isRegularFile)) {
          reasons.add("files in " + mediaDir);
        }
      }
    }
    for (Map.Entry<String, Boolean> key : manifest.keys().entrySet()) {
      Path target = keys.byName().get(key.getKey());
      if (key.getValue() && target != null && Files.exists(target)) {
        byte[] archived;
        try (InputStream in = zip.getInputStream(zip.getEntry("keys/" + key.getKey()))) {
          archived = in.readAllBytes();
        }
        if (!java.util.Arrays.equals(archived, Files.readAllBytes(target))) {
          reasons.add("a different " + key.getKey() + " at " + target);
        }
      }
    }
    return reasons;
  }

  private int unpackMedia(ZipFile zip, Manifest manifest, Path staging, BackupProgress progress)
      throws IOException {
    List<String> media =
        manifest.sha256().keySet().stream().filter(n -> n.startsWith("media/")).toList();
    progress.start("media", media.size());
    Files.createDirectories(staging);
    for (String name : media) {
      Path target = staging.resolve(name.substring(6)).normalize();
      Files.createDirectories(target.getParent());
      try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
        Files.copy(in, target);
      }
      progress.advance();
    }
    progress.finish();
    return media.size();
  }

  private int loadTables(
      Connection c, ZipFile zip, Manifest manifest, long[] rows, BackupProgress progress)
      throws SQLException, IOException {
    List<String> tables = Tables.inDependencyOrder(c);
    for (String name : manifest.sha256().keySet()) {
      if (name.startsWith("db/")) {
        String table = name.substring(3, name.length() - 5);
        if (tables.stream().noneMatch(t -> t.equalsIgnoreCase(table))) {
          throw new IllegalStateException("the backup has a table " + table + " this schema lacks");
        }
      }
    }
    for (String table : tables.reversed()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
    progress.start("database", tables.size());
    for (String table : tables) {
      ZipEntry entry = zip.getEntry("db/" + table.toLowerCase(java.util.Locale.ROOT) + ".rows");
      if (entry != null) {
        try (DataInputStream in =
            new DataInputStream(new BufferedInputStream(zip.getInputStream(entry), 1 << 16))) {
          rows[0] += RowCodec.load(c, table, in);
        }
      }
      if (database.engine() == Database.Engine.POSTGRES) {
        resetIdentity(c, table);
      }
      progress.advance();
    }
    progress.finish();
    return tables.size();
  }

  /** PostgreSQL identities do not follow explicit values: move each past the highest restored. */
  private static void resetIdentity(Connection c, String table) throws SQLException {
    Map<String, String> sequences = new java.util.LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT a.attname, pg_get_serial_sequence(?, a.attname) FROM pg_attribute a"
                + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped")) {
      s.setString(1, table);
      s.setString(2, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2) != null) {
            sequences.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    for (Map.Entry<String, String> column : sequences.entrySet()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT setval(?, COALESCE((SELECT MAX("
                  + column.getKey()
                  + ") FROM "
                  + table
                  + "), 0) + 1, false)")) {
        s.setString(1, column.getValue());
        s.execute();
      }
    }
  }

  private void swapMedia(Path staging) throws IOException {
    Path old = mediaDir.resolveSibling(mediaDir.getFileName() + ".replaced");
    deleteTree(old);
    if (Files.exists(mediaDir)) {
      Files.move(mediaDir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, mediaDir, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  private List<String> writeKeys(ZipFile zip, Manifest manifest) throws IOException {
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, Boolean> key : manifest.keys().entrySet()) {
      Path target = keys.byName().get(key.getKey());
      if (!key.getValue() || target == null) {
        continue;
      }
      if (target.toAbsolutePath().getParent() != null) {
        Files.createDirectories(target.toAbsolutePath().getParent());
      }
      Path partial = target.resolveSibling(target.getFileName() + ".restoring");
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (InputStream in = zip.getInputStream(zip.getEntry("keys/" + key.getKey()));
          java.io.OutputStream out = Files.newOutputStream(partial)) {
        in.transferTo(out);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.add(key.getKey());
    }
    return written;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
