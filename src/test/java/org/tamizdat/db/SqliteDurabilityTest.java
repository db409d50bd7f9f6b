package org.tamizdat.db;

import org.tamizdat.testing.TestDatabase;

/**
 * SQLite in WAL mode with synchronous=NORMAL: a commit is in the WAL file (the operating system's
 * cache) when it returns, which survives the death of the process; only a power cut or kernel crash
 * could lose the last commits, which FULL would prevent at the cost of an fsync per commit.
 */
class SqliteDurabilityTest extends DurabilityContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }

  @Override
  String integrityCheck(Database database) {
    java.util.List<String> problems =
        database.read(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
    return String.join("; ", problems);
  }
}
