package org.tamizdat.db;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresStorageTest extends StorageContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
