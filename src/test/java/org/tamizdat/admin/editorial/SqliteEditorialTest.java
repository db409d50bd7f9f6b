package org.tamizdat.admin.editorial;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestDatabase;

class SqliteEditorialTest extends EditorialContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
