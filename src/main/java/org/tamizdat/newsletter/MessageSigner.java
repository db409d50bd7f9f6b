package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Signs a finished message (DKIM), or leaves it alone when a relay signs for us. The message must
 * not be changed afterwards: a signed copy is sent as it is, without another saveChanges().
 */
@FunctionalInterface
public interface MessageSigner {
  MessageSigner NONE = message -> message;

  MimeMessage sign(MimeMessage message) throws MessagingException;
}
