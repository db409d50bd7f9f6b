package org.tamizdat.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Media files in one flat directory (the data directory's {@code media/}). Writes go to a hidden
 * temporary file beside the target, are flushed, then moved into place in one step, so a crash
 * never leaves a half-written image under a real name.
 */
public final class FileMediaStore implements MediaStore {
  private final Path directory;

  public FileMediaStore(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void put(String name, byte[] bytes) throws IOException {
    Path target = resolve(name);
    Files.createDirectories(directory);
    // A dot-name never matches MediaNames, so a temporary file is never served or exported.
    Path temp = Files.createTempFile(directory, ".upload-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    Path file = resolve(name);
    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }

  @Override
  public boolean exists(String name) {
    return MediaNames.isValid(name) && Files.isRegularFile(directory.resolve(name));
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(resolve(name));
  }

  private Path resolve(String name) {
    if (!MediaNames.isValid(name)) {
      throw new IllegalArgumentException("not a media file name: " + name);
    }
    Path file = directory.resolve(name).normalize();
    if (!directory.equals(file.getParent())) {
      throw new IllegalArgumentException("not a media file name: " + name);
    }
    return file;
  }
}
