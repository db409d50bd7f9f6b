package org.tamizdat.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tamizdat.db.Database;

/**
 * Writes an archive of a running installation: every table read inside one snapshot transaction
 * (SQLite: one read transaction in WAL mode, which writers do not disturb; PostgreSQL: REPEATABLE
 * READ, READ ONLY), then the media directory, optionally the key files, and last the manifest with
 * a SHA-256 per entry. The archive is written beside its target and moved into place only when
 * complete, readable by its owner only.
 */
public final class Backup {
  /** What went into an archive. */
  public record Summary(int tables, long rows, int mediaFiles, List<String> keysIncluded) {}

  private final Database database;
  private final Path mediaDir;
  private final KeyFiles keys;
  private final Clock clock;

  public Backup(Database database, Path mediaDir, KeyFiles keys, Clock clock) {
    this.database = database;
    this.mediaDir = mediaDir;
    this.keys = keys;
    this.clock = clock;
  }

  public Summary write(Path out, boolean includeKeys, BackupProgress progress) {
    if (Files.exists(out)) {
      throw new IllegalArgumentException(out + " already exists; choose a new file name");
    }
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.deleteIfExists(partial);
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Summary summary;
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial));
          ZipOutputStream zip = new ZipOutputStream(file)) {
        Map<String, String> hashes = new LinkedHashMap<>();
        long[] rows = {0};
        int tables =
            database.read(
                h -> Jdbc.call(() -> dumpTables(h.getConnection(), zip, hashes, rows, progress)));
        String schema = database.schemaVersion();
        int media = copyMedia(zip, hashes, progress);
        Map<String, Boolean> listed = new LinkedHashMap<>();
        for (Map.Entry<String, Path> key : keys.byName().entrySet()) {
          boolean include = includeKeys && Files.isRegularFile(key.getValue());
          listed.put(key.getKey(), include);
          if (include) {
            addFile(zip, "keys/" + key.getKey(), key.getValue(), hashes);
          }
        }
        Manifest manifest =
            new Manifest(
                Instant.now(clock).toString(),
                database.engine().name().toLowerCase(java.util.Locale.ROOT),
                schema,
                listed,
                hashes);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(manifest.bytes());
        zip.closeEntry();
        summary =
            new Summary(
                tables,
                rows[0],
                media,
                listed.entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .toList());
      }
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("cannot write the backup " + out + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  private int dumpTables(
      Connection c,
      ZipOutputStream zip,
      Map<String, String> hashes,
      long[] rows,
      BackupProgress progress)
      throws SQLException, IOException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      if (database.engine() == Database.Engine.POSTGRES) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      List<String> tables = Tables.inDependencyOrder(c);
      progress.start("database", tables.size());
      for (String table : tables) {
        String name = "db/" + table + ".rows";
        zip.putNextEntry(new ZipEntry(name));
        HashingEntry entry = new HashingEntry(zip);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(entry, 1 << 16));
        rows[0] += RowCodec.dump(c, table, data);
        data.flush();
        zip.closeEntry();
        hashes.put(name, entry.hex());
        progress.advance();
      }
      progress.finish();
      return tables.size();
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  private int copyMedia(ZipOutputStream zip, Map<String, String> hashes, BackupProgress progress)
      throws IOException {
    if (!Files.isDirectory(mediaDir)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(mediaDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    progress.start("media", files.size());
    for (Path file : files) {
      String relative = mediaDir.relativize(file).toString().replace('\\', '/');
      addFile(zip, "media/" + relative, file, hashes);
      progress.advance();
    }
    progress.finish();
    return files.size();
  }

  private static void addFile(
      ZipOutputStream zip, String name, Path file, Map<String, String> hashes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    HashingEntry entry = new HashingEntry(zip);
    Files.copy(file, entry);
    entry.flush();
    zip.closeEntry();
    hashes.put(name, entry.hex());
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the original failure is the one worth reporting
    }
  }
}
