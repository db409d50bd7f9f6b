package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** Search on PostgreSQL: freshness as on SQLite, and writers that commit out of order. */
@Tag("postgres")
class PostgresSearchTest extends SearchFreshnessContract {
  @TempDir Path indexDir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.postgres();
  }

  /**
   * Transaction A takes a change-log number, B takes the next and commits first; the index sees B
   * and must still pick up A when it commits.
   */
  @Test
  void aChangeCommittedOutOfOrderIsNotLost() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    try (SearchFixture fx = new SearchFixture(TestDatabase.postgres(), indexDir, clock);
        Handle slow = Jdbi.create(fx.testDatabase.url()).open()) {
      fx.start();
      long early = fx.save(Language.EN, "early", "Early", "Placeholder.");
      fx.index.syncNow();
      slow.begin();
      slow.createUpdate("UPDATE article SET title = 'Lynx spotted' WHERE id = :id")
          .bind("id", early)
          .execute();
      slow.createUpdate("INSERT INTO change_log (entity, entity_id, at) VALUES ('article', :id, 0)")
          .bind("id", early)
          .execute();
      long late = fx.save(Language.EN, "late", "Lynx tracks", "Seen by the river.");
      fx.index.syncNow();
      assertEquals(List.of(late), fx.ids(Language.EN, "lynx"));
      slow.commit();
      fx.index.syncNow();
      assertEquals(Set.of(early, late), Set.copyOf(fx.ids(Language.EN, "lynx")));
    }
  }
}
