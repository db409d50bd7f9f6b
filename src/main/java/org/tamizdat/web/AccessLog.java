package org.tamizdat.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request when enabled: method, path, status, duration. Never the client address or
 * user agent: readers behind blocks must not be identifiable from our logs, even if the server is
 * seized.
 */
final class AccessLog {
  private static final Logger log = LoggerFactory.getLogger("tamizdat.access");
  private final boolean enabled;

  AccessLog(boolean enabled) {
    this.enabled = enabled;
  }

  void record(String method, String path, int status, long startNanos) {
    if (enabled) {
      long micros = (System.nanoTime() - startNanos) / 1000;
      log.info("{} {} {} {}us", method, path, status, micros);
    }
  }
}
