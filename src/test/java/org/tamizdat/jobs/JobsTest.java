package org.tamizdat.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.db.Leases;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** Two nodes sharing one database, with a clock moved by hand. */
class JobsTest {
  static final Duration INTERVAL = Duration.ofMinutes(5);
  static final Duration RUN_LEASE = Duration.ofMinutes(2);

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  MigratedDatabase db;
  Leases leases;
  Jobs nodeA;
  Jobs nodeB;
  final AtomicInteger runs = new AtomicInteger();
  final Job counting = new Job("count", INTERVAL, runs::incrementAndGet);

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(TestDatabase.sqlite(dir));
    leases = new Leases(db.database(), clock);
    nodeA = new Jobs(leases, "a", clock, RUN_LEASE);
    nodeB = new Jobs(leases, "b", clock, RUN_LEASE);
  }

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
    db.close();
  }

  @Test
  void aJobRunsOnOneNodeAndNoMoreOftenThanItsInterval() {
    assertTrue(nodeA.runIfFree(counting));
    assertFalse(nodeB.runIfFree(counting), "A keeps the lease until the job is due again");
    clock.advance(INTERVAL.minusSeconds(1));
    assertFalse(nodeB.runIfFree(counting));
    assertTrue(nodeA.runIfFree(counting), "the holder runs it when due");
    clock.advance(INTERVAL.plusSeconds(1));
    assertTrue(nodeB.runIfFree(counting), "anyone may once it is due and unclaimed");
    assertEquals(3, runs.get());
  }

  @Test
  void aNodeThatDiesMidRunLetsItsLeaseLapse() {
    // What runIfFree does before the work starts; the node then dies without renewing.
    assertTrue(leases.acquire("count", "a", clock.instant().plus(RUN_LEASE)));
    clock.advance(RUN_LEASE.minusSeconds(1));
    assertFalse(nodeB.runIfFree(counting));
    clock.advance(Duration.ofSeconds(2));
    assertTrue(nodeB.runIfFree(counting));
  }

  @Test
  void aLongRunKeepsItsLeaseByRenewing() {
    boolean[] otherRan = {true};
    Job slow =
        new Job(
            "slow",
            INTERVAL,
            () -> {
              clock.advance(RUN_LEASE.minusSeconds(10));
              nodeA.renewRunning();
              clock.advance(RUN_LEASE.minusSeconds(10));
              otherRan[0] = nodeB.runIfFree(new Job("slow", INTERVAL, () -> {}));
            });
    assertTrue(nodeA.runIfFree(slow));
    assertFalse(otherRan[0], "B must not start while A is still working");
  }

  @Test
  void aFailingJobIsLoggedAndKeepsItsSchedule() {
    Job failing =
        new Job(
            "failing",
            INTERVAL,
            () -> {
              throw new IllegalStateException("upstream exploded");
            });
    assertTrue(nodeA.runIfFree(failing));
    assertFalse(nodeB.runIfFree(failing));
  }

  @Test
  void theSchedulerRunsJobsRepeatedlyUntilClosed() throws Exception {
    Clock system = Clock.systemUTC();
    try (Jobs real = new Jobs(new Leases(db.database(), system), "real", system, RUN_LEASE)) {
      real.start(List.of(new Job("tick", Duration.ofMillis(20), runs::incrementAndGet)));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (runs.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(runs.get() >= 3, "ran " + runs.get() + " times");
    }
    int afterClose = runs.get();
    Thread.sleep(100);
    assertTrue(runs.get() <= afterClose + 1, "stops after close");
  }
}
