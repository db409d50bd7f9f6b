package org.tamizdat.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestDatabase;

class SqliteLeasesTest extends LeasesContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
