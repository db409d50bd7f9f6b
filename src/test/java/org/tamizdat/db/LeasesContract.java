package org.tamizdat.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** Job leases on each engine, including nodes with their own connection pools racing. */
abstract class LeasesContract {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final MutableClock clock = new MutableClock(NOW);
  MigratedDatabase db;
  Leases leases;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(newDatabase());
    leases = new Leases(db.database(), clock);
  }

  @AfterEach
  void close() {
    if (db != null) { // null when the database was skipped (no PostgreSQL)
      db.close();
    }
  }

  @Test
  void aHeldLeaseIsRefusedToOthersUntilItExpires() {
    Instant until = NOW.plusSeconds(60);
    assertTrue(leases.acquire("fetch", "a", until));
    assertFalse(leases.acquire("fetch", "b", until));
    assertTrue(leases.acquire("fetch", "a", until.plusSeconds(60)), "the holder may take it again");
    assertEquals(Optional.of("a"), leases.holder("fetch"));
    clock.advance(Duration.ofSeconds(121));
    assertEquals(Optional.empty(), leases.holder("fetch"), "expired");
    assertTrue(leases.acquire("fetch", "b", clock.instant().plusSeconds(60)));
    assertFalse(leases.renew("fetch", "a", clock.instant().plusSeconds(60)), "a lost it");
    assertTrue(leases.renew("fetch", "b", clock.instant().plusSeconds(600)));
  }

  @Test
  void releaseFreesTheLeaseOnlyForItsHolder() {
    assertTrue(leases.acquire("digest", "a", NOW.plusSeconds(60)));
    leases.release("digest", "b");
    assertFalse(leases.acquire("digest", "b", NOW.plusSeconds(60)));
    leases.release("digest", "a");
    assertTrue(leases.acquire("digest", "b", NOW.plusSeconds(60)));
  }

  @Test
  void leasesWithDifferentNamesAreIndependent() {
    assertTrue(leases.acquire("one", "a", NOW.plusSeconds(60)));
    assertTrue(leases.acquire("two", "b", NOW.plusSeconds(60)));
  }

  @Test
  void twoNodesRacingNeverBothWin() throws Exception {
    try (Database other = db.openAnother()) {
      Leases[] nodes = {leases, new Leases(other, clock)};
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 25; round++) {
          String name = "race-" + round;
          // Odd rounds race for an expired lease (the UPDATE path), even ones for a new row.
          if (round % 2 == 1) {
            leases.acquire(name, "old", NOW.minusSeconds(1));
          }
          CyclicBarrier start = new CyclicBarrier(2);
          List<Future<Boolean>> results = new ArrayList<>();
          for (int n = 0; n < 2; n++) {
            Leases node = nodes[n];
            String holder = "node-" + n;
            Callable<Boolean> race =
                () -> {
                  start.await();
                  return node.acquire(name, holder, NOW.plusSeconds(60));
                };
            results.add(pool.submit(race));
          }
          int winners = 0;
          for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
          }
          assertEquals(1, winners, "round " + round);
          assertTrue(leases.holder(name).orElseThrow().startsWith("node-"));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
