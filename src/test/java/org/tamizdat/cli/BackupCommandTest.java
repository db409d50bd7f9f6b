package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** {@code tamizdat backup} and {@code restore}: result lines, one-line refusals, exit codes. */
class BackupCommandTest {
  @TempDir Path dir;

  @Test
  void backupThenRestoreAndRefusalsAreOneLine() throws Exception {
    Path a = config("a");
    Path b = config("b");
    try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("a/tamizdat.db"))) {
      database.migrate();
      new CatalogRepository(database, new ChangeLog(java.time.Clock.systemUTC()))
          .saveSection("courts", 0, Map.of(Language.EN, "Courts", Language.RU, "Суды"));
    }
    Files.writeString(dir.resolve("a/sources.key"), "k");
    Path archive = dir.resolve("out.zip");

    String[] backup = run("backup", "--out", archive.toString(), "--config", a.toString());
    assertEquals("0", backup[0], backup[2]);
    assertTrue(
        backup[1].matches(
            "backup written to "
                + archive
                + ": \\d+ tables, \\d+ rows, 0 media files,"
                + " keys listed, not included\\R"),
        backup[1]);

    String[] restore = run("restore", archive.toString(), "--config", b.toString());
    assertEquals("0", restore[0], restore[2]);
    assertTrue(restore[1].startsWith("restored " + archive + ": "), restore[1]);

    String[] again = run("restore", archive.toString(), "--config", b.toString());
    assertEquals("1", again[0]);
    assertEquals(1, again[2].strip().lines().count(), again[2]);
    assertTrue(
        again[2].startsWith("tamizdat: the target is not empty (database rows in "), again[2]);

    String[] exists = run("backup", "--out", archive.toString(), "--config", a.toString());
    assertEquals("1", exists[0]);
    assertEquals(
        "tamizdat: " + archive + " already exists; choose a new file name", exists[2].strip());

    String[] missing = run("restore", dir.resolve("nope.zip").toString(), "--config", b.toString());
    assertEquals("tamizdat: no backup file at " + dir.resolve("nope.zip"), missing[2].strip());
  }

  private Path config(String name) throws Exception {
    Path file = dir.resolve(name + ".properties");
    Files.writeString(file, "tamizdat.data.dir=" + dir.resolve(name) + "\n");
    return file;
  }

  private static String[] run(String... args) {
    MainTest.Printed run = MainTest.runPrinting(args);
    return new String[] {
      String.valueOf(run.exitCode()),
      run.out(),
      // Progress bars share standard error; the messages are the other lines.
      run.err()
          .lines()
          .filter(line -> !line.isBlank() && !line.contains("] "))
          .map(line -> line + "\n")
          .collect(java.util.stream.Collectors.joining())
    };
  }
}
