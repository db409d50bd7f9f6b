package org.tamizdat.sources;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one secret field. A stored field reads {@code v1:<key id>:<base64 of nonce and
 * ciphertext with tag>}; every encryption draws a fresh random 96-bit nonce. The associated data
 * binds the ciphertext to its source id, field name and key id, so a field copied into another
 * source or another column (or relabelled with another key id) fails to decrypt instead of
 * revealing something in the wrong place.
 */
final class SourceCipher {
  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random;

  SourceCipher(SecureRandom random) {
    this.random = random;
  }

  String seal(KeyRing keys, long sourceId, String field, String plain) {
    KeyRing.Key key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(sourceId, field, key.id()));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  String open(KeyRing keys, long sourceId, String field, String stored) {
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new SourcesUnreadable(
          "source "
              + sourceId
              + ", field "
              + field
              + ": not an encrypted value this version reads");
    }
    KeyRing.Key key =
        keys.byId(parts[1])
            .orElseThrow(() ->
                new SourcesUnreadable(
                    "source "
                        + sourceId
                        + " was encrypted with key '"
                        + parts[1]
                        + "', which the key file at "
                        + keys.location()
                        + " does not hold (wrong key file?)"));
    byte[] data;
    try {
      data = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new SourcesUnreadable("source " + sourceId + ", field " + field + ": damaged data");
    }
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SourcesUnreadable("source " + sourceId + ", field " + field + ": damaged data");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(sourceId, field, key.id()));
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SourcesUnreadable(
          "source "
              + sourceId
              + ", field "
              + field
              + " cannot be decrypted: wrong key or tampered data");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /** The key id used by a stored value, without decrypting it. */
  static String keyIdOf(String stored) {
    String[] parts = stored.split(":", 3);
    return parts.length == 3 ? parts[1] : "";
  }

  private static byte[] associatedData(long sourceId, String field, String keyId) {
    return ("tamizdat-source|" + VERSION + "|" + sourceId + "|" + field + "|" + keyId)
        .getBytes(StandardCharsets.UTF_8);
  }
}
