package org.tamizdat.web;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a client's address into an opaque key for rate limiting, so no handler ever holds the
 * address itself. The key is an HMAC under a random secret that lives only in this process's memory
 * and is replaced every {@link #ROTATION}: a heap dump or a seized disk cannot be matched against a
 * list of suspected addresses once the secret has rotated, and keys of different periods are
 * unrelated.
 */
final class ClientKeys {
  static final Duration ROTATION = Duration.ofHours(1);

  private record Secret(byte[] key, long expiresAtMillis) {}

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private Secret secret;

  ClientKeys(Clock clock) {
    this.clock = clock;
  }

  /** A short keyed hash of the address (without port); the same within one rotation period. */
  synchronized String of(InetSocketAddress client) {
    long now = clock.millis();
    if (secret == null || now >= secret.expiresAtMillis) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      secret = new Secret(key, now + ROTATION.toMillis());
    }
    byte[] address =
        client == null || client.getAddress() == null
            ? new byte[0]
            : client.getAddress().getAddress();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key, "HmacSHA256"));
      byte[] digest = mac.doFinal(address);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
