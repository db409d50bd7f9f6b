package org.tamizdat.search;

import org.tamizdat.testing.TestDatabase;

class SqliteSearchFreshnessTest extends SearchFreshnessContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
