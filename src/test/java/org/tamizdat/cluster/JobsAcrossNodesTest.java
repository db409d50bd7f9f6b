package org.tamizdat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tamizdat.db.Database;
import org.tamizdat.db.Leases;
import org.tamizdat.jobs.Job;
import org.tamizdat.jobs.Jobs;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.TestDatabase;

/**
 * Two nodes' job runners, each with its own connection pool, on one PostgreSQL schema: a job runs
 * on one node at a time and once per interval between them; when the node running it dies without
 * releasing its lease, the other takes over once the lease lapses.
 */
@Tag("postgres")
class JobsAcrossNodesTest {
  private static final Duration INTERVAL = Duration.ofMillis(300);
  private static final Duration RUN_LEASE = Duration.ofMillis(900);

  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final CountDownLatch aIsMidRun = new CountDownLatch(1);
  private final CountDownLatch never = new CountDownLatch(1);
  private volatile boolean aShouldHang;

  @Test
  void aJobRunsOnceAcrossNodesAndMovesToTheSurvivorWhenItsNodeDiesMidRun() throws Exception {
    try (MigratedDatabase shared = MigratedDatabase.open(TestDatabase.postgres());
        Database forB = shared.openAnother()) {
      Database forA = shared.openAnother();
      Jobs a =
          new Jobs(new Leases(forA, Clock.systemUTC()), "node-a", Clock.systemUTC(), RUN_LEASE);
      Jobs b =
          new Jobs(new Leases(forB, Clock.systemUTC()), "node-b", Clock.systemUTC(), RUN_LEASE);
      try (b) {
        a.start(List.of(job("a")));
        b.start(List.of(job("b")));
        Thread.sleep(3_000);
        int together = total();
        // Once per interval between them (a run takes 50 ms, then the lease is kept until due).
        assertTrue(together <= 3_000 / INTERVAL.toMillis() + 2, "ran " + together + " times");
        assertTrue(together >= 3_000 / INTERVAL.toMillis() / 2, "ran " + together + " times");

        aShouldHang = true;
        Nodes.await(
            () -> aIsMidRun.getCount() == 0, "node A running the job", System.nanoTime(), 5_000);
        int bBefore = runs.computeIfAbsent("b", k -> new AtomicInteger()).get();
        Thread.sleep(RUN_LEASE.toMillis() * 2);
        assertEquals(bBefore, runs.get("b").get(), "a long run keeps its lease by renewing");
        // A dies mid-run: its scheduler and pool stop, nothing releases or renews the lease.
        a.close();
        forA.close();
        active.decrementAndGet(); // its stuck run ended with it
        long died = System.nanoTime();
        Nodes.await(() -> runs.get("b").get() > bBefore + 2, "node B taking over", died, 5_000);
        long tookOver = (System.nanoTime() - died) / 1_000_000;
        System.out.println("job taken over " + tookOver + " ms after its node died");
        assertEquals(0, overlaps.get(), "never on two nodes at once");
      } finally {
        never.countDown();
      }
    }
  }

  private Job job(String node) {
    return new Job(
        "publish-scheduled",
        INTERVAL,
        () -> {
          if (active.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          runs.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
          try {
            if (node.equals("a") && aShouldHang) {
              aIsMidRun.countDown();
              never.await(); // stuck mid-job until the test ends; counted dead when A dies
              return;
            }
            Thread.sleep(50);
            active.decrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private int total() {
    return runs.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
