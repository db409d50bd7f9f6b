package org.tamizdat.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.tamizdat.export.ExportProgress;

/** A progress bar on standard error, so standard output keeps only the result line. */
final class ProgressBars implements ExportProgress, AutoCloseable {
  private ProgressBar bar;

  @Override
  public void start(String phase, long total) {
    close();
    bar =
        new ProgressBarBuilder()
            .setTaskName(phase)
            .setInitialMax(total)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .showSpeed()
            .build();
  }

  @Override
  public void advance() {
    bar.step();
  }

  @Override
  public void finish() {
    close();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
