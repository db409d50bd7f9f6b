package org.tamizdat.export;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Identifies the build that renders: a new release may change any template, so the next export
 * renders everything. The JAR's size and time, or in development the compiled classes'.
 */
final class CodeVersion {
  private CodeVersion() {}

  static String of(Class<?> anchor) {
    try {
      Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(where)) {
        return "jar:" + Files.size(where) + ":" + Files.getLastModifiedTime(where).toMillis();
      }
      try (Stream<Path> files = Files.walk(where)) {
        long[] stats = new long[3];
        files
            .filter(Files::isRegularFile)
            .forEach(file -> {
              stats[0]++;
              stats[1] += file.toFile().length();
              stats[2] = Math.max(stats[2], file.toFile().lastModified());
            });
        return "classes:" + stats[0] + ":" + stats[1] + ":" + stats[2];
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown build: never equal to the last one, so everything is rendered. Slow but right.
      return "unknown:" + System.nanoTime();
    }
  }
}
