package org.tamizdat.admin.editorial;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresEditorialStorageTest extends EditorialStorageContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
