package org.tamizdat.newsletter;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;

/**
 * One subscriber's copy of a digest: multipart/alternative (plain text, then HTML), with RFC 2369
 * and RFC 8058 unsubscribe headers, and a Message-ID fixed by (digest, subscriber) so a copy sent
 * twice after a crash is recognizably the same message.
 */
public final class DigestMessages {
  private final MailIdentity identity;
  private final NewsletterUrls urls;
  private final MessageSigner signer;

  public DigestMessages(MailIdentity identity, NewsletterUrls urls) {
    this(identity, urls, MessageSigner.NONE);
  }

  public DigestMessages(MailIdentity identity, NewsletterUrls urls, MessageSigner signer) {
    this.identity = identity;
    this.urls = urls;
    this.signer = signer;
  }

  public String messageId(long digestId, long subscriberId) {
    return "<digest-" + digestId + "." + subscriberId + "@" + identity.domain() + ">";
  }

  /** The subscriber a Message-ID of ours was sent to, for bounce reports that quote it. */
  public static java.util.Optional<Long> subscriberOf(String messageId) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<digest-\\d+\\.(\\d+)@[^>]+>").matcher(messageId.strip());
    return m.matches()
        ? java.util.Optional.of(Long.parseLong(m.group(1)))
        : java.util.Optional.empty();
  }

  public MimeMessage build(
      Session session, long digestId, DigestContent digest, Subscriber to, long nowMillis)
      throws MessagingException {
    String unsubscribe = urls.unsubscribeLink(to.lang(), to.unsubscribeToken());
    MimeMessage message =
        new OurMessage(session, identity, messageId(digestId, to.id()), nowMillis);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email()));
    message.setSubject(digest.subject(), StandardCharsets.UTF_8.name());
    message.setHeader(
        "List-Unsubscribe",
        "<" + unsubscribe + ">, <mailto:" + identity.from().getAddress() + "?subject=unsubscribe>");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.setHeader("List-Id", "<digest-" + digest.lang().code() + "." + identity.domain() + ">");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(
        digest.text().replace(DigestContent.UNSUBSCRIBE, unsubscribe),
        StandardCharsets.UTF_8.name(),
        "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(
        digest.html().replace(DigestContent.UNSUBSCRIBE, DigestBuilder.escape(unsubscribe)),
        StandardCharsets.UTF_8.name(),
        "html");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    message.setContent(alternative);
    message.saveChanges();
    return signer.sign(message);
  }
}
