package org.tamizdat.media;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresMediaStorageTest extends MediaStorageContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
