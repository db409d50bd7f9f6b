package org.tamizdat.newsletter;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresSubscriptionTest extends SubscriptionContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
