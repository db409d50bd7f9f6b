package org.tamizdat.newsletter;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestDatabase;

class SqliteSubscriptionTest extends SubscriptionContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
