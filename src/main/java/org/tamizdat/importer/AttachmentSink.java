package org.tamizdat.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where imported images go: the one seam between the importer and media storage. Files are staged
 * by {@link #store} and become visible together with the import's transaction ({@link #commit}), or
 * not at all ({@link #discard}).
 */
public interface AttachmentSink {
  /** A stored image, linked from pages as {@code /media/{name}}. */
  record StoredAttachment(String name) {}

  /** The file is not an image we serve (checked by content, not by name). */
  final class Refused extends Exception {
    public Refused(String reason) {
      super(reason);
    }
  }

  /**
   * Stores {@code file}; {@code originalName} (e.g. {@code wp-12-harbour.jpg}) suggests the stored
   * name, whose extension follows the content.
   */
  StoredAttachment store(Path file, String originalName) throws IOException, Refused;

  /** Makes every stored file visible; called after the import's transaction committed. */
  void commit() throws IOException;

  /** Forgets every stored file; called when the import failed or was a dry run. */
  void discard();
}
