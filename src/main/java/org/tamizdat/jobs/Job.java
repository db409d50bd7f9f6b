package org.tamizdat.jobs;

import java.time.Duration;

/**
 * A background task that runs every {@code interval} on one node at a time. {@code name} is also
 * the name of its lease, so it must be the same on every node.
 */
public record Job(String name, Duration interval, Runnable work) {
  public Job {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("job " + name + " needs a positive interval");
    }
  }
}
