package org.tamizdat.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources key file: comment lines starting with {@code #}, then one line per key, {@code <id>
 * <base64 of 32 random bytes>}, the current key first. It lives outside the database (default
 * {@code <data dir>/sources.key}) so a stolen database dump alone reveals no source. Only {@code
 * tamizdat sources keygen} creates one, and never over an existing file: replacing a key would make
 * every stored source unreadable.
 */
public final class KeyFile {
  private static final Logger log = LoggerFactory.getLogger(KeyFile.class);
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final int KEY_BYTES = 32;

  private KeyFile() {}

  /**
   * Reads the keys at {@code path}.
   *
   * @throws SourcesUnreadable naming the path when the file is missing or malformed
   */
  public static KeyRing read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SourcesUnreadable(
          "sources key missing at "
              + path
              + " (create one with `tamizdat sources keygen`, or restore it from the backup)");
    } catch (IOException e) {
      throw new SourcesUnreadable("sources key at " + path + " cannot be read: " + e.getMessage());
    }
    warnIfOthersCanRead(path);
    List<KeyRing.Key> keys = new ArrayList<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
        throw malformed(path, number, "expected `<key id> <base64 key>`");
      }
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw malformed(path, number, "the key is not base64");
      }
      if (secret.length != KEY_BYTES) {
        throw malformed(path, number, "a key must be 32 bytes (256 bits)");
      }
      keys.add(new KeyRing.Key(parts[0], new SecretKeySpec(secret, "AES")));
    }
    if (keys.isEmpty()) {
      throw new SourcesUnreadable("sources key file " + path + " holds no key");
    }
    return new KeyRing(keys, path.toString());
  }

  /**
   * Creates a key file with one new random key, readable and writable by its owner only.
   *
   * @return the new key's id
   * @throws SourcesUnreadable if a file already exists there (it is never replaced)
   */
  public static String generate(Path path, SecureRandom random) {
    byte[] secret = new byte[KEY_BYTES];
    random.nextBytes(secret);
    byte[] idBytes = new byte[4];
    random.nextBytes(idBytes);
    String id = "k" + HexFormat.of().formatHex(idBytes);
    String text =
        "# Tamizdat sources key. Keep it secret and keep a backup apart from the database:\n"
            + "# without it no protected source can be read.\n"
            + id
            + " "
            + Base64.getEncoder().encodeToString(secret)
            + "\n";
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        // Created with its final permissions: there is no moment at which others could open it.
        Files.createFile(path, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(path);
      }
      try {
        Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException e) {
        // An empty key file would block the next keygen and read as "no key": leave none.
        Files.deleteIfExists(path);
        throw e;
      }
    } catch (FileAlreadyExistsException e) {
      throw new SourcesUnreadable(
          "a sources key already exists at " + path + "; it is never replaced");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sources key at " + path, e);
    }
    return id;
  }

  private static void warnIfOthersCanRead(Path path) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        log.warn("sources key {} is readable by other users: chmod 600 it", path);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: nothing to check.
    }
  }

  private static SourcesUnreadable malformed(Path path, int line, String why) {
    return new SourcesUnreadable("sources key file " + path + ", line " + line + ": " + why);
  }
}
