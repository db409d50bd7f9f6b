package org.tamizdat.testing;

/** Shared set-up of the Jazzer fuzz tests. */
public final class Fuzzing {
  private Fuzzing() {}

  /**
   * When CI only replays the seed inputs (JAZZER_FUZZ unset), Jazzer's agent instruments nothing: a
   * replay needs no coverage, and the agent would otherwise print a line for every class that any
   * later test in the same JVM loads, into output that tests compare. {@code bench/fuzz.sh} sets
   * JAZZER_FUZZ and gets full instrumentation. Call from {@code @BeforeAll}.
   */
  public static void instrumentOnlyWhenFuzzing() {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if (fuzz == null || fuzz.isEmpty()) {
      System.setProperty("jazzer.instrumentation_excludes", "**");
      System.setProperty("jazzer.custom_hook_excludes", "**");
      System.setProperty("jazzer.hooks", "false");
    }
  }
}
