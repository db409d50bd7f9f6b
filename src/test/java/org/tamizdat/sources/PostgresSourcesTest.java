package org.tamizdat.sources;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresSourcesTest extends SourcesContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
