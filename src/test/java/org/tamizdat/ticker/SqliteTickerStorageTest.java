package org.tamizdat.ticker;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestDatabase;

class SqliteTickerStorageTest extends TickerStorageContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
