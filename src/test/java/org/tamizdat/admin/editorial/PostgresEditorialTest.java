package org.tamizdat.admin.editorial;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresEditorialTest extends EditorialContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
