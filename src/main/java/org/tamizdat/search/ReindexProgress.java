package org.tamizdat.search;

/** Told how a rebuild goes, e.g. to draw a progress bar. Called from one thread. */
public interface ReindexProgress {
  void started(long total);

  void indexed(long done);

  static ReindexProgress none() {
    return new ReindexProgress() {
      @Override
      public void started(long total) {}

      @Override
      public void indexed(long done) {}
    };
  }
}
