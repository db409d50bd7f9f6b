package org.tamizdat.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * DKIM signing: the RSA key (read and checked at start-up, so a bad file stops the start rather
 * than the first send), the selector and the signing domain ({@code d=}).
 */
public record DkimSettings(RSAPrivateKey key, String selector, String domain) {

  /** The one reader of our key files: PEM PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), RSA. */
  public static RSAPrivateKey readKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot be read (" + e.getMessage() + ")");
    }
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "must be a PEM PKCS#8 RSA key (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)");
    }
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("is not a readable RSA private key");
    }
  }
}
