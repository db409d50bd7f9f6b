package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  @TempDir Path dir;

  @Test
  void sealedSecretsOpenOnlyWithTheirKeyAndFitTheColumn() {
    SecretBox box = SecretBox.ephemeral();
    String secret = new Totp().newSecret();
    String sealed = box.seal(secret);
    assertEquals(64, sealed.length(), "staff_account.totp_secret is VARCHAR(64)");
    assertNotEquals(sealed, box.seal(secret), "a fresh nonce each time");
    assertEquals(Optional.of(secret), box.open(sealed));
    assertEquals(Optional.empty(), SecretBox.ephemeral().open(sealed), "another key");
    String tampered = (sealed.charAt(20) == 'A' ? "B" : "A");
    tampered = sealed.substring(0, 20) + tampered + sealed.substring(21);
    assertEquals(Optional.empty(), box.open(tampered));
    assertEquals(Optional.of(secret), box.open(secret), "an unsealed secret reads as it is");
    assertEquals(Optional.empty(), box.open(null));
  }

  @Test
  void keyFileIsMadeOwnerOnlyOnceAndReused() throws Exception {
    Path file = dir.resolve("data/admin.key");
    SecretBox first = SecretBox.fromFile(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String sealed = first.seal(new Totp().newSecret());
    assertTrue(SecretBox.fromFile(file).open(sealed).isPresent(), "the same key after a restart");
    Files.writeString(file, "too short\n");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SecretBox.fromFile(file));
    assertTrue(e.getMessage().contains("admin.key"), e.getMessage());
  }

  /** Several nodes starting together on a shared data directory end up with one key. */
  @Test
  void nodesStartingTogetherAllGetTheSameKey() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path file = dir.resolve("shared-" + round + "/admin.key");
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<SecretBox>> nodes = new java.util.ArrayList<>();
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
        for (int n = 0; n < 6; n++) {
          nodes.add(
              pool.submit(() -> {
                go.await();
                return SecretBox.fromFile(file);
              }));
        }
        go.countDown();
        String sealed = nodes.getFirst().get().seal(new Totp().newSecret());
        for (var node : nodes) {
          assertTrue(node.get().open(sealed).isPresent(), "every node opens what one sealed");
        }
      }
      try (var left = Files.list(file.getParent())) {
        assertEquals(java.util.List.of(file), left.toList(), "no temporary file left");
      }
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }
}
