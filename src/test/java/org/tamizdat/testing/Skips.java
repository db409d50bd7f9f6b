package org.tamizdat.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (PostgreSQL, Chromium, Node) skip loudly on a machine
 * without it. CI sets {@code TAMIZDAT_TESTS_REQUIRE_ALL}, and there a skip is a failure, so a
 * missing install step cannot turn into a green run that tested nothing.
 */
public final class Skips {
  private Skips() {}

  public static void skipLoudly(String reason) {
    String message = "SKIPPED (loudly): " + reason;
    System.err.println(message);
    if (System.getenv("TAMIZDAT_TESTS_REQUIRE_ALL") != null) {
      Assertions.fail("TAMIZDAT_TESTS_REQUIRE_ALL is set, so this may not skip: " + reason);
    }
    Assumptions.abort(message);
  }
}
