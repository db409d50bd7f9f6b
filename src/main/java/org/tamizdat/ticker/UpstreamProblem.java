package org.tamizdat.ticker;

/**
 * Why an upstream gave us nothing usable, in words an operator can act on ("HTTP 503 after 3
 * attempts", "HTML page instead of XML"). Checked, so every caller decides what a failure means.
 */
public final class UpstreamProblem extends Exception {
  public UpstreamProblem(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
