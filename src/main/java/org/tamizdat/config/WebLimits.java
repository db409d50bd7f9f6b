package org.tamizdat.config;

import java.time.Duration;

/**
 * Limits against abusive clients. {@code requestTimeout}: how long a client may take to send a
 * request's headers (a slowloris client sending a byte now and then is cut off then); {@code
 * idleTimeout}: how long an open connection may sit without a request; {@code maxHeaderBytes}: the
 * largest request head; {@code searchRateLimit}: searches per client per minute (readers behind one
 * Tor exit share a client, so not too low).
 */
public record WebLimits(
    Duration requestTimeout, Duration idleTimeout, int maxHeaderBytes, int searchRateLimit) {
  public static final WebLimits DEFAULTS =
      new WebLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 16 * 1024, 30);
}
