package org.tamizdat.export;

import java.nio.file.Path;

/** One file of an export and where its bytes come from. */
sealed interface Output {
  String path();

  /**
   * A page, feed or data file, rendered by the live site's routes; answered with {@code status}.
   */
  record Rendered(String path, int status) implements Output {}

  /** Bytes known up front: the hashed assets, the edition choice at the root. */
  record Fixed(String path, byte[] bytes) implements Output {}

  /** A media file, copied when its size or time changed (hashing every image would be slow). */
  record Copied(String path, Path source) implements Output {}
}
