package org.tamizdat.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.db.Leases;

/**
 * Runs jobs on a schedule, each under its lease, so that with many nodes on one database a job runs
 * on one node at a time and no more often than its interval.
 *
 * <p>A run takes the lease for {@link #runLease} and renews it while it works; a node that dies
 * mid-run lets it lapse. After a run the lease is kept until the job is next due, so another node
 * that ticks in between finds it taken; if the holder dies, any node takes over after that. One
 * scheduler thread keeps time and renews; the work itself runs on virtual threads.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  private final Leases leases;
  private final String holder;
  private final Clock clock;
  private final Duration runLease;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("jobs").daemon().factory());

  /**
   * @param holder this node's name in the lease table, unique per process
   * @param runLease how long a run may go unrenewed before another node may take over
   */
  public Jobs(Leases leases, String holder, Clock clock, Duration runLease) {
    this.leases = leases;
    this.holder = holder;
    this.clock = clock;
    this.runLease = runLease;
  }

  /** Schedules each job now and then every interval after its previous run ended. */
  public void start(List<Job> jobs) {
    long renewMillis = Math.max(1, runLease.toMillis() / 3);
    timer.scheduleAtFixedRate(this::renewRunning, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    jobs.forEach(job -> timer.execute(() -> tick(job)));
  }

  private void tick(Job job) {
    Thread.ofVirtual()
        .name("job-" + job.name())
        .start(() -> {
          try {
            runIfFree(job);
          } finally {
            scheduleNext(job);
          }
        });
  }

  private void scheduleNext(Job job) {
    try {
      timer.schedule(() -> tick(job), job.interval().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Shut down while the job ran: nothing more to schedule.
    }
  }

  /** Runs the job here unless another node holds its lease; returns whether it ran. */
  boolean runIfFree(Job job) {
    Instant start = clock.instant();
    try {
      if (!leases.acquire(job.name(), holder, start.plus(runLease))) {
        return false;
      }
    } catch (RuntimeException e) {
      log.warn("job {}: lease unavailable: {}", job.name(), e.getMessage());
      return false;
    }
    running.add(job.name());
    try {
      job.work().run();
    } catch (RuntimeException e) {
      log.warn("job {} failed: {}", job.name(), e.toString());
    } finally {
      running.remove(job.name());
      keepUntilDue(job, start);
    }
    return true;
  }

  private void keepUntilDue(Job job, Instant start) {
    try {
      leases.renew(job.name(), holder, start.plus(job.interval()));
    } catch (RuntimeException e) {
      log.warn("job {}: cannot keep its lease: {}", job.name(), e.getMessage());
    }
  }

  /** Extends the lease of every job running here; a lost lease is reported, not fatal. */
  void renewRunning() {
    for (String name : running) {
      try {
        if (!leases.renew(name, holder, clock.instant().plus(runLease))) {
          log.warn("job {}: another node took its lease while it was running here", name);
        }
      } catch (RuntimeException e) {
        log.warn("job {}: cannot renew its lease: {}", name, e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
