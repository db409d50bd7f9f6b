package org.tamizdat.db;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresLeasesTest extends LeasesContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
