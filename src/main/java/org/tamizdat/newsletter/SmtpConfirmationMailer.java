package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.tamizdat.article.Language;

/** Sends the double opt-in e-mail over our SMTP server, in the subscriber's language. */
public final class SmtpConfirmationMailer implements ConfirmationMailer {
  private final URI smtpUrl;
  private final MailIdentity identity;
  private final NewsletterUrls urls;
  private final Texts texts;
  private final Map<Language, String> siteNames;
  private final MessageSigner signer;
  private final Clock clock;

  public SmtpConfirmationMailer(
      URI smtpUrl,
      MailIdentity identity,
      NewsletterUrls urls,
      Texts texts,
      Map<Language, String> siteNames,
      MessageSigner signer,
      Clock clock) {
    this.smtpUrl = smtpUrl;
    this.signer = signer;
    this.identity = identity;
    this.urls = urls;
    this.texts = texts;
    this.siteNames = Map.copyOf(siteNames);
    this.clock = clock;
  }

  @Override
  public void send(Subscriber subscriber, String token) {
    Language lang = subscriber.lang();
    String site = siteNames.get(lang);
    try (SmtpSender sender = new SmtpSender(smtpUrl, identity.returnPath())) {
      String id = "<confirm." + UUID.randomUUID() + "@" + identity.domain() + ">";
      OurMessage message =
          new OurMessage(
              jakarta.mail.Session.getInstance(new java.util.Properties()),
              identity,
              id,
              clock.millis());
      message.setRecipient(
          jakarta.mail.Message.RecipientType.TO, new InternetAddress(subscriber.email()));
      message.setSubject(
          texts.format(lang, "newsletter.mail.confirm.subject", site),
          StandardCharsets.UTF_8.name());
      message.setText(
          texts.format(lang, "newsletter.mail.confirm.body", site, urls.confirmLink(lang, token)),
          StandardCharsets.UTF_8.name());
      message.saveChanges();
      SmtpReply reply = sender.send(signer.sign(RawMessage.of(message)), subscriber.email());
      if (!reply.accepted()) {
        // The reply text often repeats the address; the code alone keeps it out of our logs.
        throw new IllegalStateException("SMTP server answered " + reply.code());
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build confirmation mail: " + e.getMessage(), e);
    }
  }
}
