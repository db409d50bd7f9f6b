package org.tamizdat.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM fields bound to their source and column, and the key file they depend on. */
class SourceCipherTest {
  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();
  private final SourceCipher cipher = new SourceCipher(random);

  private KeyRing newRing(String name) {
    Path file = dir.resolve(name);
    KeyFile.generate(file, random);
    return KeyFile.read(file);
  }

  @Test
  void roundTripWithAFreshNonceEachTime() {
    KeyRing keys = newRing("a.key");
    String first = cipher.seal(keys, 5, "real_name", "Сергей Иванов");
    String second = cipher.seal(keys, 5, "real_name", "Сергей Иванов");
    assertNotEquals(first, second, "same text, new nonce, different ciphertext");
    assertTrue(first.startsWith("v1:" + keys.current().id() + ":"), first);
    assertFalse(first.contains("Иванов"));
    assertEquals("Сергей Иванов", cipher.open(keys, 5, "real_name", first));
    assertEquals("Сергей Иванов", cipher.open(keys, 5, "real_name", second));
    assertEquals("", cipher.open(keys, 5, "notes", cipher.seal(keys, 5, "notes", "")));
  }

  @Test
  void tamperedCiphertextIsRefused() {
    KeyRing keys = newRing("a.key");
    String sealed = cipher.seal(keys, 5, "contacts", "+7 916 123-45-67");
    String[] parts = sealed.split(":", 3);
    byte[] data = Base64.getDecoder().decode(parts[2]);
    data[data.length - 20] ^= 1;
    String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(data);
    SourcesUnreadable e =
        assertThrows(SourcesUnreadable.class, () -> cipher.open(keys, 5, "contacts", tampered));
    assertEquals(
        "source 5, field contacts cannot be decrypted: wrong key or tampered data", e.getMessage());
    assertThrows(SourcesUnreadable.class, () -> cipher.open(keys, 5, "contacts", "v1:x"));
    assertThrows(
        SourcesUnreadable.class, () -> cipher.open(keys, 5, "contacts", "v1:" + parts[1] + ":!!"));
  }

  @Test
  void fieldsCannotBeMovedToAnotherSourceOrColumn() {
    KeyRing keys = newRing("a.key");
    String name = cipher.seal(keys, 5, "real_name", "Сергей Иванов");
    assertThrows(SourcesUnreadable.class, () -> cipher.open(keys, 6, "real_name", name));
    assertThrows(SourcesUnreadable.class, () -> cipher.open(keys, 5, "notes", name));
  }

  @Test
  void wrongKeySaysSo() {
    KeyRing right = newRing("right.key");
    KeyRing wrong = newRing("wrong.key");
    String sealed = cipher.seal(right, 5, "real_name", "Сергей Иванов");
    SourcesUnreadable e =
        assertThrows(SourcesUnreadable.class, () -> cipher.open(wrong, 5, "real_name", sealed));
    assertTrue(
        e.getMessage().contains("was encrypted with key '" + right.current().id() + "'")
            && e.getMessage().contains("wrong key file?"),
        e.getMessage());
    assertFalse(e.getMessage().contains("Иванов"));
    // The same key id with other key bytes: caught by the tag.
    String relabelled = sealed.replace(right.current().id(), wrong.current().id());
    SourcesUnreadable tag =
        assertThrows(SourcesUnreadable.class, () -> cipher.open(wrong, 5, "real_name", relabelled));
    assertTrue(tag.getMessage().contains("wrong key or tampered data"), tag.getMessage());
  }

  @Test
  void keygenWritesAnOwnerOnlyFileAndNeverReplacesOne() throws Exception {
    Path file = dir.resolve("keys/sources.key");
    String id = KeyFile.generate(file, random);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String before = Files.readString(file);
    assertTrue(before.contains(id + " "), before);
    SourcesUnreadable e =
        assertThrows(SourcesUnreadable.class, () -> KeyFile.generate(file, random));
    assertTrue(e.getMessage().contains("already exists at " + file), e.getMessage());
    assertEquals(before, Files.readString(file));
    assertEquals(id, KeyFile.read(file).current().id());
  }

  @Test
  void missingOrMalformedKeyFilesAreNamed() throws Exception {
    Path missing = dir.resolve("nowhere.key");
    SourcesUnreadable e = assertThrows(SourcesUnreadable.class, () -> KeyFile.read(missing));
    assertTrue(e.getMessage().startsWith("sources key missing at " + missing), e.getMessage());
    Path shortKey = dir.resolve("short.key");
    Files.writeString(shortKey, "k1 " + Base64.getEncoder().encodeToString(new byte[16]) + "\n");
    assertEquals(
        "sources key file " + shortKey + ", line 1: a key must be 32 bytes (256 bits)",
        assertThrows(SourcesUnreadable.class, () -> KeyFile.read(shortKey)).getMessage());
    Path empty = dir.resolve("empty.key");
    Files.writeString(empty, "# nothing\n");
    assertThrows(SourcesUnreadable.class, () -> KeyFile.read(empty));
    SourceKeys keys = SourceKeys.at(missing);
    assertEquals(e.getMessage(), keys.problem().orElseThrow());
    KeyFile.generate(missing, random);
    assertTrue(keys.problem().isEmpty(), "a key created later is found without a restart");
  }

  @Test
  void olderKeysStillDecryptAfterANewOneIsPutFirst() throws Exception {
    Path file = dir.resolve("ring.key");
    KeyFile.generate(file, random);
    KeyRing old = KeyFile.read(file);
    String sealed = cipher.seal(old, 3, "notes", "kept");
    Path other = dir.resolve("other.key");
    KeyFile.generate(other, random);
    Files.writeString(
        file, Files.readString(other) + Files.readString(file)); // new key first, old after
    KeyRing rotated = KeyFile.read(file);
    assertNotEquals(old.current().id(), rotated.current().id());
    assertEquals("kept", cipher.open(rotated, 3, "notes", sealed));
  }
}
