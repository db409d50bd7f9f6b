package org.tamizdat.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP secrets before they reach the database: AES-256-GCM under a key kept in a file beside
 * the data, not in the database, so a copy of the database alone cannot mint login codes. A sealed
 * 20-byte secret is 64 URL-safe Base64 characters (nonce, ciphertext, tag); a 32-character Base32
 * value is an unsealed secret and is read as it is.
 */
public final class SecretBox {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A key that lives only in this process: for tests and tools that keep nothing. */
  public static SecretBox ephemeral() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return new SecretBox(key);
  }

  /**
   * The key in {@code file} (32 random bytes, Base64), made with owner-only permissions when
   * missing. Every node serving the admin needs the same file.
   */
  public static SecretBox fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException(file + " does not hold a 32-byte Base64 key");
      }
      return new SecretBox(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " does not hold a 32-byte Base64 key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the admin key " + file, e);
    }
  }

  /**
   * Writes a new key beside {@code file}, owner-only from the start, then links it into place.
   * Linking fails when the name exists, so of several nodes starting together on a shared data
   * directory exactly one key wins, and no node ever reads a half-written file.
   */
  private static void create(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        dir.resolve(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".new");
    try {
      try {
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(temp); // Not a POSIX file system: the directory's permissions protect it.
      }
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        out.write(
            ByteBuffer.wrap(
                (Base64.getEncoder().encodeToString(key) + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
        out.force(true);
      }
      try {
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException e) {
        // Another node made it first: use theirs.
      } catch (UnsupportedOperationException | FileSystemException e) {
        // No hard links here: a rename that refuses an existing name, nearly as good.
        try {
          Files.move(temp, file);
        } catch (FileAlreadyExistsException taken) {
          // Another node made it first: use theirs.
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Seals a Base32 secret for storage. */
  public String seal(String base32Secret) {
    byte[] raw = Totp.decodeBase32(base32Secret);
    if (!Totp.base32(raw).equals(base32Secret)) {
      throw new IllegalArgumentException("not a canonical Base32 secret");
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(raw);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** The Base32 secret, or empty when it was sealed under another key (or is damaged). */
  public Optional<String> open(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    if (stored.length() == 32 && stored.matches("[A-Z2-7]+")) {
      return Optional.of(stored);
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(stored);
      if (all.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      byte[] raw = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return Optional.of(Totp.base32(raw));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
