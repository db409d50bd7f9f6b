package org.tamizdat.cli;

import org.tamizdat.backup.BackupProgress;
import org.tamizdat.export.ExportProgress;

/**
 * The export's progress as a {@link ProgressBar} on standard error, so standard output keeps only
 * the result line. Steps come from the export's writer threads, hence the locking.
 */
final class ProgressBars implements ExportProgress, BackupProgress, AutoCloseable {
  private ProgressBar bar;

  @Override
  public synchronized void start(String phase, long total) {
    close();
    bar = new ProgressBar(System.err, phase, (int) Math.min(Integer.MAX_VALUE, total));
  }

  @Override
  public synchronized void advance() {
    if (bar != null) {
      bar.step("");
    }
  }

  @Override
  public synchronized void finish() {
    close();
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
