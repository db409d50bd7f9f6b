package org.tamizdat.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tamizdat.db.Database;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresBackupRestoreTest extends BackupRestoreContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  /** The archive format is the same for both engines: a SQLite newsroom moves to PostgreSQL. */
  @Test
  void aSqliteArchiveRestoresIntoPostgres() throws Exception {
    try (TestDatabase sqliteDb = TestDatabase.sqlite(dir);
        Database sqlite = Database.open(sqliteDb.url())) {
      sqlite.migrate();
      Newsroom.catalog(sqlite, clock);
      for (int i = 0; i < 5; i++) {
        Newsroom.writer(sqlite, clock)
            .save(Newsroom.article(org.tamizdat.article.Language.EN, "moved-" + i, NOW));
      }
      Path archive = dir.resolve("sqlite.zip");
      new Backup(sqlite, dir.resolve("none"), keys("a"), clock)
          .write(archive, false, BackupProgress.NONE);
      restore(target).restore(archive, false, BackupProgress.NONE);
      assertEquals(Newsroom.everything(sqlite), Newsroom.everything(target));
    }
  }
}
