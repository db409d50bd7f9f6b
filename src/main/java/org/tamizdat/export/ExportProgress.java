package org.tamizdat.export;

/** Told how far an export has got; the command line shows a progress bar. */
public interface ExportProgress {
  ExportProgress NONE =
      new ExportProgress() {
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
