package org.tamizdat.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.Language;
import org.tamizdat.db.Database;
import org.tamizdat.testing.TestDatabase;

/** Backup and restore on one engine: everything comes back, damage and occupied targets refuse. */
abstract class BackupRestoreContract {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path dir;
  TestDatabase sourceDb;
  TestDatabase targetDb;
  Database source;
  Database target;
  byte[] photo;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void fill() throws Exception {
    sourceDb = newDatabase();
    targetDb = newDatabase();
    source = Database.open(sourceDb.url());
    source.migrate();
    target = Database.open(targetDb.url());
    Newsroom.catalog(source, clock);
    ArticleWriter writer = Newsroom.writer(source, clock);
    for (int i = 0; i < 40; i++) {
      writer.save(
          Newsroom.article(
              i % 2 == 0 ? Language.EN : Language.RU, "story-" + i, NOW.minusSeconds(i)));
    }
    photo = new byte[300_000];
    new Random(7).nextBytes(photo);
    Files.createDirectories(dir.resolve("a/media/2026/03"));
    Files.write(dir.resolve("a/media/2026/03/photo.jpg"), photo);
    Files.writeString(dir.resolve("a/media/readme.txt"), "ещё");
    Files.writeString(dir.resolve("a/sources.key"), "secret-a");
    Files.writeString(dir.resolve("a/admin.key"), "admin-a");
  }

  @AfterEach
  void close() {
    for (AutoCloseable c : new AutoCloseable[] {source, target, sourceDb, targetDb}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // the test's own failure matters more
      }
    }
  }

  Backup backup() {
    return new Backup(source, dir.resolve("a/media"), keys("a"), clock);
  }

  Restore restore(Database into) {
    return new Restore(into, dir.resolve("b/media"), keys("b"));
  }

  KeyFiles keys(String side) {
    return new KeyFiles(
        Map.of(
            "sources.key", dir.resolve(side + "/sources.key"),
            "admin.key", dir.resolve(side + "/admin.key")));
  }

  @Test
  void roundTripBringsBackEveryRowAndMediaByteButNoKeysUnlessAsked() throws Exception {
    Path archive = dir.resolve("out/backup.zip");
    Backup.Summary written = backup().write(archive, false, BackupProgress.NONE);
    assertEquals(List.of(), written.keysIncluded());
    assertEquals(2, written.mediaFiles());

    Restore.Summary restored = restore(target).restore(archive, false, BackupProgress.NONE);
    assertEquals(written.rows(), restored.rows());
    assertTrue(restored.rows() > 100, "rows: " + restored.rows());
    Map<String, List<String>> expected = Newsroom.everything(source);
    assertEquals(expected, Newsroom.everything(target));
    assertFalse(expected.get("article").isEmpty());
    assertEquals(source.schemaVersion(), target.schemaVersion());
    assertArrayEquals(photo, Files.readAllBytes(dir.resolve("b/media/2026/03/photo.jpg")));
    assertEquals("ещё", Files.readString(dir.resolve("b/media/readme.txt")));
    assertFalse(Files.exists(dir.resolve("b/sources.key")), "keys stay out unless asked");

    // The restored database keeps working: new rows get fresh ids past the restored ones.
    Newsroom.writer(target, clock).save(Newsroom.article(Language.EN, "after-restore", NOW));
    assertEquals(
        expected.get("article").size() + 1, Newsroom.everything(target).get("article").size());
  }

  @Test
  void keysComeBackOnlyWhenIncludedAndListedEitherWay() throws Exception {
    Path archive = dir.resolve("keys.zip");
    assertEquals(
        List.of("admin.key", "sources.key"),
        backup().write(archive, true, BackupProgress.NONE).keysIncluded().stream()
            .sorted()
            .toList());
    restore(target).restore(archive, false, BackupProgress.NONE);
    assertEquals("secret-a", Files.readString(dir.resolve("b/sources.key")));
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("b/sources.key"))));
  }

  @Test
  void anOccupiedTargetIsRefusedUnlessForcedAndThenReplaced() throws Exception {
    Path archive = dir.resolve("backup.zip");
    backup().write(archive, false, BackupProgress.NONE);
    restore(target).restore(archive, false, BackupProgress.NONE);
    Newsroom.writer(target, clock).save(Newsroom.article(Language.EN, "only-in-target", NOW));

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> restore(target).restore(archive, false, BackupProgress.NONE));
    assertTrue(refused.getMessage().startsWith("the target is not empty (database rows in "));
    assertTrue(refused.getMessage().contains("use --force"), refused.getMessage());
    assertEquals(
        Newsroom.everything(source).get("article").size() + 1,
        Newsroom.everything(target).get("article").size(),
        "a refused restore changes nothing");

    restore(target).restore(archive, true, BackupProgress.NONE);
    assertEquals(Newsroom.everything(source), Newsroom.everything(target));
  }

  @Test
  void aDamagedArchiveIsRefusedBeforeAnythingChanges() throws Exception {
    Path archive = dir.resolve("backup.zip");
    backup().write(archive, false, BackupProgress.NONE);
    byte[] bytes = Files.readAllBytes(archive);
    // Flip one byte inside the stored photo (stored entries deflate; random bytes stay as they
    // are).
    int at = indexOf(bytes, java.util.Arrays.copyOfRange(photo, 1000, 1032));
    assertTrue(at > 0, "photo bytes found in the archive");
    bytes[at + 5] ^= 0x40;
    Path damaged = dir.resolve("damaged.zip");
    Files.write(damaged, bytes);

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> restore(target).restore(damaged, false, BackupProgress.NONE));
    assertTrue(refused.getMessage().contains("nothing was restored"), refused.getMessage());
    assertFalse(Files.exists(dir.resolve("b/media")), "no media unpacked");
    assertEquals(null, target.schemaVersion(), "the target database is untouched");

    Path notZip = dir.resolve("notes.zip");
    Files.writeString(notZip, "hello", StandardCharsets.UTF_8);
    IllegalArgumentException notArchive =
        assertThrows(
            IllegalArgumentException.class,
            () -> restore(target).restore(notZip, false, BackupProgress.NONE));
    assertTrue(notArchive.getMessage().contains("not a backup archive"), notArchive.getMessage());
  }

  /**
   * A backup taken while an editor keeps saving is one moment: change_log is read before article,
   * so without the snapshot articles saved in between would arrive without their change_log rows.
   */
  @Test
  void aBackupDuringWritesIsOneConsistentMoment() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger saved =
        new java.util.concurrent.atomic.AtomicInteger();
    ArticleWriter writer = Newsroom.writer(source, clock);
    Thread editor =
        Thread.ofPlatform()
            .start(() -> {
              for (int i = 0; !stop.get(); i++) {
                writer.save(Newsroom.article(Language.EN, "live-" + i, NOW));
                saved.incrementAndGet();
              }
            });
    try {
      while (saved.get() < 20) {
        Thread.sleep(5);
      }
      Path archive = dir.resolve("live.zip");
      backup().write(archive, false, BackupProgress.NONE);
      int before = saved.get();
      restore(target).restore(archive, false, BackupProgress.NONE);
      while (saved.get() < before + 5) {
        Thread.sleep(5);
      }
    } finally {
      stop.set(true);
      editor.join();
    }
    int unlogged =
        target.read(h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM change_log c"
                        + " WHERE c.entity = 'article' AND c.entity_id = a.id)")
                .mapTo(Integer.class)
                .one());
    int orphans =
        target.read(h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM change_log c WHERE c.entity = 'article' AND NOT EXISTS"
                        + " (SELECT 1 FROM article a WHERE a.id = c.entity_id)")
                .mapTo(Integer.class)
                .one());
    assertEquals(0, unlogged, "articles without their change_log row");
    assertEquals(0, orphans, "change_log rows without their article");
    int restored =
        target.read(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Integer.class).one());
    assertTrue(
        restored > 40 && restored < 40 + saved.get(), restored + " of " + (40 + saved.get()));
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
