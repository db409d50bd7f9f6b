package org.tamizdat.newsletter;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestDatabase;

class SqliteDigestScheduleTest extends DigestScheduleContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
