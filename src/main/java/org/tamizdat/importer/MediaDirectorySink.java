package org.tamizdat.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Copies imported images into the media directory the site serves at {@code /media/}: PNG, JPEG and
 * WebP only, recognised by their first bytes (an SVG can carry script, a GIF is not served). Files
 * are staged in a hidden folder inside the media directory and moved into place on commit, so a
 * failed import leaves no new files behind. With {@code dryRun} nothing is copied.
 */
public final class MediaDirectorySink implements AttachmentSink {
  private final Path mediaDir;
  private final boolean dryRun;
  private Path staging;

  public MediaDirectorySink(Path mediaDir, boolean dryRun) {
    this.mediaDir = mediaDir;
    this.dryRun = dryRun;
  }

  @Override
  public StoredAttachment store(Path file, String originalName) throws IOException, Refused {
    String extension =
        imageExtension(file).orElseThrow(() -> new Refused("not a PNG, JPEG or WebP image"));
    String stem = originalName.toLowerCase(Locale.ROOT).replaceAll("\\.[a-z0-9]+$", "");
    stem = stem.replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    stem = stem.length() > 90 ? stem.substring(0, 90) : stem;
    String name = (stem.isEmpty() ? "wp-image" : stem) + "." + extension;
    if (!dryRun) {
      if (staging == null) {
        Files.createDirectories(mediaDir);
        staging = Files.createDirectory(mediaDir.resolve(".import-" + UUID.randomUUID()));
      }
      Files.copy(file, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return new StoredAttachment(name);
  }

  @Override
  public void commit() throws IOException {
    if (staging == null) {
      return;
    }
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : files.toList()) {
        Files.move(
            file,
            mediaDir.resolve(file.getFileName().toString()),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.delete(staging);
    staging = null;
  }

  @Override
  public void discard() {
    if (staging == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staged media in " + staging, e);
    }
    staging = null;
  }

  /** The extension we serve the image under, from its signature; empty when not ours to serve. */
  static Optional<String> imageExtension(Path file) throws IOException {
    byte[] head = new byte[12];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 8
        && (head[0] & 0xff) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G'
        && head[4] == 0x0d
        && head[5] == 0x0a) {
      return Optional.of("png");
    }
    if (n >= 3
        && (head[0] & 0xff) == 0xff
        && (head[1] & 0xff) == 0xd8
        && (head[2] & 0xff) == 0xff) {
      return Optional.of("jpg");
    }
    if (n >= 12
        && head[0] == 'R'
        && head[1] == 'I'
        && head[2] == 'F'
        && head[3] == 'F'
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of("webp");
    }
    return Optional.empty();
  }
}
