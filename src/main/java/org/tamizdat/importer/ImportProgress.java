package org.tamizdat.importer;

/** How far an import is: both passes over the file, in bytes. */
public interface ImportProgress {
  ImportProgress NONE = (phase, done, total) -> {};

  /** {@code done} of {@code total} bytes; {@code phase} names the pass. */
  void progress(String phase, long done, long total);
}
