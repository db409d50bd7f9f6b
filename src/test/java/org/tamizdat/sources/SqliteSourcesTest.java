package org.tamizdat.sources;

import java.nio.file.Path;
import org.tamizdat.testing.TestDatabase;

class SqliteSourcesTest extends SourcesContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir == null ? Path.of("target") : dir);
  }
}
