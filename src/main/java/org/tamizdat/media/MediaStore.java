package org.tamizdat.media;

import java.io.IOException;
import java.util.Optional;

/**
 * Where image files live, by name. Names are ours ({@link MediaNames}); an implementation refuses
 * any other, so no request can reach outside the store.
 */
public interface MediaStore {
  /** Stores {@code bytes} under {@code name} atomically: a reader sees the old file or the new. */
  void put(String name, byte[] bytes) throws IOException;

  Optional<byte[]> read(String name) throws IOException;

  boolean exists(String name);

  void delete(String name) throws IOException;
}
