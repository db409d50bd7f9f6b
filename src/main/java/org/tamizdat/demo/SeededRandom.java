package org.tamizdat.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SplitMix64 seeded from the SHA-256 of a string. Written out rather than using java.util.Random so
 * the byte-for-byte output of a seed is pinned down here, not by a JDK implementation.
 */
final class SeededRandom {
  private final byte[] digest;
  private long state;

  SeededRandom(String seed) {
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
    for (int i = 0; i < 8; i++) {
      state = (state << 8) | (digest[i] & 0xff);
    }
  }

  /** A short stable tag for the seed, used to keep gradient ids unique when SVGs are inlined. */
  String tag() {
    return String.format("%02x%02x%02x%02x", digest[8], digest[9], digest[10], digest[11]);
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform integer in [lo, hi]. */
  int between(int lo, int hi) {
    return lo + (int) (nextDouble() * (hi - lo + 1));
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }
}
