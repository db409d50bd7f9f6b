package org.tamizdat.newsletter;

/**
 * Signs a finished message (DKIM), or leaves it alone when a relay signs for us. The message is
 * sent exactly as returned: nothing may change it afterwards.
 */
@FunctionalInterface
public interface MessageSigner {
  MessageSigner NONE = message -> message;

  RawMessage sign(RawMessage message);
}
