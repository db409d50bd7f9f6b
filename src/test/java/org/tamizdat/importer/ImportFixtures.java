package org.tamizdat.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The WXR fixtures in src/test/resources/importer and a wp-content/uploads copy for them. */
final class ImportFixtures {
  static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F'};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};

  private ImportFixtures() {}

  /** Copies fixture {@code name} into {@code dir} and returns its path there. */
  static Path fixture(Path dir, String name) {
    try (InputStream in = ImportFixtures.class.getResourceAsStream("/importer/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The uploads the 1.2 fixture refers to: a JPEG, a PNG and an SVG (which is refused). */
  static Path uploads(Path dir) {
    try {
      Path root = dir.resolve("uploads");
      Path may = Files.createDirectories(root.resolve("2024/05"));
      Files.write(may.resolve("harbour.jpg"), JPEG);
      Files.write(may.resolve("crane.png"), PNG);
      Files.writeString(may.resolve("sneaky.svg"), "<svg onload=\"alert(1)\"/>");
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
