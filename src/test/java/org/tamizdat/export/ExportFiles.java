package org.tamizdat.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reading an export back in tests. */
final class ExportFiles {
  private ExportFiles() {}

  /** Every file but the manifest, by its path relative to the export. */
  static Map<String, byte[]> read(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(file).toString();
        if (!name.equals(Manifest.FILE)) {
          files.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The URL path a file is served at: the inverse of {@link OutputTree#fileFor}. */
  static String urlPath(String file) {
    if (!file.endsWith("/index.html")) {
      return file.equals("index.html") ? "/" : "/" + file;
    }
    String dir = file.substring(0, file.length() - "/index.html".length());
    return dir.matches("[a-z]{2}") ? "/" + dir + "/" : "/" + dir;
  }
}
