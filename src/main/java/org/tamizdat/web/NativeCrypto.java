package org.tamizdat.web;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Optional;

/**
 * Amazon Corretto Crypto Provider (AWS-LC, native code) where it loads, for the two hot spots that
 * hash or sign in bulk: a static export hashes every file it writes (hundreds of megabytes), a
 * digest send signs every copy. The JDK's SHA-256 is only fast once C2 has compiled it, which a
 * short command-line run never waits for; its RSA is four to eight times slower than AWS-LC.
 * Elsewhere (another CPU architecture) the JDK's providers give the same results, slower.
 */
public final class NativeCrypto {
  private static final Provider NATIVE = load();

  private NativeCrypto() {}

  /** The native provider, or empty when it could not load on this platform. */
  public static Optional<Provider> provider() {
    return Optional.ofNullable(NATIVE);
  }

  /** A new SHA-256 digest, native when possible. */
  public static MessageDigest sha256() {
    try {
      return NATIVE == null
          ? MessageDigest.getInstance("SHA-256")
          : MessageDigest.getInstance("SHA-256", NATIVE);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }

  private static Provider load() {
    try {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      if (accp.getLoadingError() != null) {
        return null;
      }
      accp.assertHealthy();
      return accp;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
