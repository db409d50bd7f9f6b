package org.tamizdat.sources;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The key ring as the running server has it. A missing key does not stop the server: the public
 * site works, sources are unreadable and articles that link sources cannot go public. The file is
 * looked for again on each use while it is missing, so an operator who runs {@code tamizdat sources
 * keygen} or restores the file needs no restart.
 */
public final class SourceKeys {
  private final Path path;
  private volatile KeyRing ring;

  private SourceKeys(Path path, KeyRing ring) {
    this.path = path;
    this.ring = ring;
  }

  /** Reads the key file now if it is there; never fails. */
  public static SourceKeys at(Path path) {
    SourceKeys keys = new SourceKeys(path, null);
    keys.problem();
    return keys;
  }

  /** Fixed keys, e.g. for tests. */
  public static SourceKeys of(KeyRing ring) {
    return new SourceKeys(Path.of(ring.location()), ring);
  }

  /**
   * The keys.
   *
   * @throws SourcesUnreadable saying why not, e.g. "sources key missing at PATH"
   */
  public KeyRing ring() {
    KeyRing current = ring;
    if (current == null) {
      current = KeyFile.read(path);
      ring = current;
    }
    return current;
  }

  /** Why sources cannot be read, or empty when they can: for the log and the admin screens. */
  public Optional<String> problem() {
    try {
      ring();
      return Optional.empty();
    } catch (SourcesUnreadable e) {
      return Optional.of(e.getMessage());
    }
  }

  public Path path() {
    return path;
  }
}
