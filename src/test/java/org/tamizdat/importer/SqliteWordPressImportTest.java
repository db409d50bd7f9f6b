package org.tamizdat.importer;

import org.tamizdat.testing.TestDatabase;

class SqliteWordPressImportTest extends WordPressImportContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
