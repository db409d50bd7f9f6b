package org.tamizdat.backup;

/** Told how far a backup or restore has got; the command line shows a progress bar. */
public interface BackupProgress {
  BackupProgress NONE =
      new BackupProgress() {
        @Override
        public void start(String phase, long total) {}

        @Override
        public void advance() {}

        @Override
        public void finish() {}
      };

  void start(String phase, long total);

  void advance();

  void finish();
}
