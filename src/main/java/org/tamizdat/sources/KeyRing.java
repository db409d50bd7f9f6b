package org.tamizdat.sources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The keys of the key file: the first encrypts, every one decrypts what it encrypted. Each stored
 * field names its key, so a new key can be put first and old fields re-encrypted at leisure.
 */
public final class KeyRing {
  /** One AES-256 key and the id stored beside everything it encrypts. */
  public record Key(String id, SecretKey secret) {
    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }

  private final Map<String, Key> byId = new LinkedHashMap<>();
  private final String location;

  KeyRing(List<Key> keys, String location) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a key ring needs a key");
    }
    keys.forEach(k -> byId.put(k.id(), k));
    this.location = location;
  }

  public Key current() {
    return byId.values().iterator().next();
  }

  public Optional<Key> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Where the keys came from, for messages. */
  public String location() {
    return location;
  }
}
