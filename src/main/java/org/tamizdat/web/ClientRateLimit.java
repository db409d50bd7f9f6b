package org.tamizdat.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per client for one route: {@code perMinute} requests at once, refilled evenly over
 * a minute. Keyed by {@link Request#clientKey()} (a rotating keyed hash, never an address) and kept
 * in memory only. Over the limit the route answers 429 with Retry-After and the site's localized
 * page. Readers behind one Tor exit share a client, so limits should not be tight.
 */
public final class ClientRateLimit {
  private final Cache<String, double[]> buckets;
  private final int capacity;
  private final double perMilli;
  private final Clock clock;

  public ClientRateLimit(int perMinute, Clock clock) {
    this.capacity = perMinute;
    this.perMilli = perMinute / 60_000.0;
    this.clock = clock;
    this.buckets =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();
  }

  /** {@code route}, answering 429 to a client that has used up its requests. */
  public Route guard(Route route) {
    return request -> {
      long wait = millisUntilAllowed(request.clientKey());
      if (wait > 0) {
        throw HttpError.tooManyRequests(Duration.ofMillis(wait));
      }
      return route.handle(request);
    };
  }

  /** Takes a token; 0 when there was one, else how long until the next one. */
  long millisUntilAllowed(String clientKey) {
    long now = clock.millis();
    double[] bucket = buckets.get(clientKey, k -> new double[] {capacity, now});
    synchronized (bucket) {
      double tokens = Math.min(capacity, bucket[0] + (now - bucket[1]) * perMilli);
      bucket[1] = now;
      if (tokens < 1) {
        bucket[0] = tokens;
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli));
      }
      bucket[0] = tokens - 1;
      return 0;
    }
  }
}
