package org.tamizdat.db;

import org.junit.jupiter.api.Tag;
import org.tamizdat.testing.TestDatabase;

@Tag("postgres")
class PostgresDurabilityTest extends DurabilityContract {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  /**
   * PostgreSQL survives a client's death by design (the server holds the data); what the kill can
   * leave is an open transaction, which the server rolls back. Checked: no change_log row points at
   * a missing article, and the sequence is past every row.
   */
  @Override
  String integrityCheck(Database database) {
    int dangling =
        database.read(h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM change_log c WHERE c.entity = 'article' AND c.entity_id"
                        + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM article a WHERE a.id ="
                        + " c.entity_id)")
                .mapTo(Integer.class)
                .one());
    return dangling == 0 ? "ok" : dangling + " change_log rows point at missing articles";
  }
}
