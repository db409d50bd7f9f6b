package org.tamizdat.ticker;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresTickerStorageTest extends TickerStorageContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }
}
