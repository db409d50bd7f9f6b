package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;

/**
 * A message with our headers: From, Reply-To, a fixed Message-ID (saveChanges() would otherwise
 * invent a random one, and a resent digest must carry the same one), and a date from our clock.
 */
final class OurMessage extends MimeMessage {
  private final String messageId;

  OurMessage(Session session, MailIdentity identity, String messageId, long nowMillis)
      throws MessagingException {
    super(session);
    this.messageId = messageId;
    setFrom(identity.from());
    if (identity.replyTo().isPresent()) {
      setReplyTo(new jakarta.mail.Address[] {identity.replyTo().get()});
    }
    setSentDate(new Date(nowMillis));
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
