package org.tamizdat.newsletter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per client key (an opaque keyed hash from the web layer, never an address), kept
 * in memory only: nothing about who subscribed from where survives a restart or reaches the disk.
 */
public final class RateLimiter {
  private final Cache<String, double[]> buckets;
  private final int capacity;
  private final double perMilli;
  private final Clock clock;

  /** {@code capacity} requests at once, then one per {@code refill}. */
  public RateLimiter(int capacity, Duration refill, Clock clock) {
    this.capacity = capacity;
    this.perMilli = 1.0 / refill.toMillis();
    this.clock = clock;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(refill.multipliedBy(capacity))
            .build();
  }

  /** {@code attempts} at once, refilled evenly over an hour. */
  public static RateLimiter perHour(int attempts, Clock clock) {
    return new RateLimiter(attempts, Duration.ofHours(1).dividedBy(attempts), clock);
  }

  /** Seconds until a client with no tokens left has one again: its Retry-After. */
  public long refillSeconds() {
    return Math.max(1, (long) Math.ceil(1 / perMilli / 1000));
  }

  /** Takes one token for the client; false when the client has none left. */
  public boolean allow(String clientKey) {
    long now = clock.millis();
    double[] bucket = buckets.get(clientKey, k -> new double[] {capacity, now});
    synchronized (bucket) {
      double tokens = Math.min(capacity, bucket[0] + (now - bucket[1]) * perMilli);
      bucket[1] = now;
      if (tokens < 1) {
        bucket[0] = tokens;
        return false;
      }
      bucket[0] = tokens - 1;
      return true;
    }
  }
}
