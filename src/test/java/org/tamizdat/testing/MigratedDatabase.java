package org.tamizdat.testing;

import org.tamizdat.db.Database;

/** A throw-away database, opened and migrated, closed (and dropped) together. */
public final class MigratedDatabase implements AutoCloseable {
  private final TestDatabase test;
  private final Database database;

  private MigratedDatabase(TestDatabase test, Database database) {
    this.test = test;
    this.database = database;
  }

  public static MigratedDatabase open(TestDatabase test) {
    Database database = Database.open(test.url());
    database.migrate();
    return new MigratedDatabase(test, database);
  }

  public Database database() {
    return database;
  }

  /** Another connection pool on the same database, as a second node would have. */
  public Database openAnother() {
    return Database.open(test.url());
  }

  @Override
  public void close() {
    database.close();
    test.close();
  }
}
