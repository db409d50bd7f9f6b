package org.tamizdat.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestDatabase;

class SqliteStorageTest extends StorageContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }

  @Test
  void runsInWalModeWithForeignKeys() {
    assertEquals(
        "wal", database.read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
    assertEquals(
        Integer.valueOf(1),
        database.read(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()));
  }
}
