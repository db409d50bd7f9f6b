package org.tamizdat.cli;

import java.io.PrintStream;

/**
 * One line that redraws itself: {@code backfill [#####-----] 12/30 2026-01-12}. Self-made: a
 * library would bring terminal detection we do not need for one line on stderr.
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final String label;
  private final int total;
  private int done;
  private long lastDrawn;
  private boolean drawn;

  ProgressBar(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /** One more step done; redraws at most ten times a second, and always on the last step. */
  void step(String detail) {
    advanceTo(done + 1, detail);
  }

  /** {@code done} steps done in all (for work that reports totals, not single steps). */
  void advanceTo(int done, String detail) {
    this.done = Math.min(done, total);
    long now = System.nanoTime();
    if (this.done == total || now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      drawn = true;
      int filled = this.done * WIDTH / total;
      out.print(
          "\r"
              + label
              + " ["
              + "#".repeat(filled)
              + "-".repeat(WIDTH - filled)
              + "] "
              + this.done
              + "/"
              + total
              + " "
              + detail);
      out.flush();
    }
  }

  /** Ends the line, if one was drawn (a bar that never moved leaves no empty line). */
  @Override
  public void close() {
    if (drawn) {
      out.println();
    }
  }
}
