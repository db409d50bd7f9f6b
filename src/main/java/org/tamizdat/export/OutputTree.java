package org.tamizdat.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The export's directory. A URL path maps to a file a plain static server finds: {@code /en/} to
 * {@code en/index.html}, a path whose last segment has an extension ({@code /en/feed.atom}) to
 * itself, and any other ({@code /en/2026/11/25/slug}) to {@code slug/index.html}. Slugs never
 * contain a dot, so the rule cannot be ambiguous. Files are replaced atomically, so a server never
 * sends half of one while an export runs.
 */
final class OutputTree {
  private final Path root;
  private final Set<Path> directories = ConcurrentHashMap.newKeySet();
  // Unique within the run; a file left by a crashed run is simply overwritten.
  private final AtomicLong temps = new AtomicLong();

  OutputTree(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  static String fileFor(String urlPath) {
    if (!urlPath.startsWith("/")) {
      throw new IllegalArgumentException("not a path: " + urlPath);
    }
    if (urlPath.endsWith("/")) {
      return urlPath.substring(1) + "index.html";
    }
    String last = urlPath.substring(urlPath.lastIndexOf('/') + 1);
    return last.contains(".") ? urlPath.substring(1) : urlPath.substring(1) + "/index.html";
  }

  Path file(String urlPath) {
    Path file = root.resolve(fileFor(urlPath)).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("outside the export: " + urlPath);
    }
    return file;
  }

  boolean exists(String urlPath) {
    return Files.isRegularFile(file(urlPath));
  }

  /**
   * @param replacing whether the file may exist and be in use: then it is replaced atomically; a
   *     new file is written in place (one rename less per file in a first export)
   */
  void write(String urlPath, byte[] bytes, boolean replacing) {
    Path target = file(urlPath);
    try {
      if (!replacing) {
        directory(target);
        Files.write(target, bytes);
        return;
      }
      Path temp = temp(target);
      Files.write(temp, bytes);
      move(temp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  void copy(String urlPath, Path source) {
    Path target = file(urlPath);
    try {
      Path temp = temp(target);
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      move(temp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }

  /** Removes the file and any directories it leaves empty. */
  void delete(String urlPath) {
    Path file = file(urlPath);
    try {
      Files.deleteIfExists(file);
      for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
        try {
          directories.remove(dir);
          Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  /**
   * A new name beside the target. Not {@code Files.createTempFile}: its files are private to their
   * owner, and a web server running as another user could not read them.
   */
  private Path temp(Path target) throws IOException {
    directory(target);
    return target.resolveSibling(".export-" + temps.incrementAndGet() + ".tmp");
  }

  private void directory(Path target) throws IOException {
    Path dir = target.getParent();
    if (!directories.contains(dir)) {
      Files.createDirectories(dir);
      directories.add(dir);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
