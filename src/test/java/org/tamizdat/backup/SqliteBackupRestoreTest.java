package org.tamizdat.backup;

import org.tamizdat.testing.TestDatabase;

class SqliteBackupRestoreTest extends BackupRestoreContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
