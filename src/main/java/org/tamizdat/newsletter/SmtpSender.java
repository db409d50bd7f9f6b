package org.tamizdat.newsletter;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Properties;

/**
 * One SMTP connection to our own server, reused for many messages and reopened when lost. Not
 * thread-safe: each sending worker has its own.
 */
public final class SmtpSender implements AutoCloseable {
  private final Session session;
  private final String protocol;
  private Transport transport;

  public SmtpSender(URI smtpUrl, String returnPath) {
    this.protocol = smtpUrl.getScheme();
    Properties props = new Properties();
    String prefix = "mail." + protocol + ".";
    props.put(prefix + "host", smtpUrl.getHost());
    props.put(prefix + "port", String.valueOf(port(smtpUrl)));
    props.put(prefix + "from", returnPath);
    props.put(prefix + "connectiontimeout", "10000");
    props.put(prefix + "timeout", "30000");
    props.put(prefix + "writetimeout", "30000");
    props.put(prefix + "quitwait", "false");
    this.session = Session.getInstance(props);
  }

  private static int port(URI url) {
    return url.getPort() > 0 ? url.getPort() : url.getScheme().equals("smtps") ? 465 : 25;
  }

  public Session session() {
    return session;
  }

  /**
   * Sends one finished message (saveChanges() done: a signed message must not change) to one
   * recipient; the reply says whether the server took it.
   */
  public SmtpReply send(MimeMessage message, String recipient) {
    try {
      if (transport == null || !transport.isConnected()) {
        close();
        transport = session.getTransport(protocol);
        transport.connect();
      }
      transport.sendMessage(message, new Address[] {new InternetAddress(recipient)});
      return SmtpReply.ACCEPTED;
    } catch (MessagingException e) {
      SmtpReply reply = SmtpReply.of(e);
      if (!reply.permanent()) {
        close();
      }
      return reply;
    }
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // The connection is gone either way.
      }
      transport = null;
    }
  }
}
