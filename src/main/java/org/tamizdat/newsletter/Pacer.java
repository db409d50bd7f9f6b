package org.tamizdat.newsletter;

/**
 * Spaces sends evenly to at most {@code perSecond} across all workers (0: no limit). It measures
 * intervals with {@link System#nanoTime()}, not the injected clock: pacing is about elapsed time on
 * this machine, which a wall clock set back or forward must not disturb.
 */
public final class Pacer {
  private final long intervalNanos;
  private long next;

  public Pacer(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    this.next = System.nanoTime();
  }

  /** Waits for this caller's turn. */
  public void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long slot;
    synchronized (this) {
      long now = System.nanoTime();
      slot = Math.max(next, now);
      next = slot + intervalNanos;
    }
    long wait = slot - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
