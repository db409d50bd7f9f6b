package org.tamizdat.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where imported images go: the one seam between the importer and media storage. Called for every
 * image file before the posts' transaction opens (storage commits on its own, and SQLite has one
 * writer connection, so it cannot happen inside it); the posts then only look the names up.
 */
public interface AttachmentSink {
  /** What the export says about an image, for the library item. */
  record Description(String alt, String caption) {
    public static Description none() {
      return new Description("", "");
    }
  }

  /** The file is not an image we accept (checked by content, not by name), with the reason. */
  final class Refused extends Exception {
    public Refused(String reason) {
      super(reason);
    }
  }

  /**
   * Stores {@code file} and returns the name pages link as {@code /media/{name}}. {@code
   * originalName} (e.g. {@code 2024/05/harbour.jpg}) is for messages only.
   */
  String store(Path file, String originalName, Description description) throws IOException, Refused;
}
