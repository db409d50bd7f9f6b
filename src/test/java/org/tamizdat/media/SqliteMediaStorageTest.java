package org.tamizdat.media;

import org.tamizdat.testing.TestDatabase;

class SqliteMediaStorageTest extends MediaStorageContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }
}
