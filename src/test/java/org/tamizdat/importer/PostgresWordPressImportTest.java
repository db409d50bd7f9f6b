package org.tamizdat.importer;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresWordPressImportTest extends WordPressImportContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
