package org.tamizdat.newsletter;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresDigestTest extends DigestContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
