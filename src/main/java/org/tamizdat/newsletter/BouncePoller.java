package org.tamizdat.newsletter;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.net.URI;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bounce mailbox (IMAP or POP3) and applies the reports in it. IMAP: reports are deleted
 * once applied, other mail is marked seen and left for a person, and only unseen mail is read. POP3
 * has no flags to remember what was read, so everything read is deleted: the Return-Path mailbox
 * should be one for bounces only.
 */
public final class BouncePoller {
  private static final Logger log = LoggerFactory.getLogger(BouncePoller.class);

  private final URI mailbox;
  private final DeliveryReports reports;
  private final Bounces bounces;

  public BouncePoller(URI mailbox, DeliveryReports reports, Bounces bounces) {
    this.mailbox = mailbox;
    this.reports = reports;
    this.bounces = bounces;
  }

  /** One pass over the mailbox; returns how many reports were applied. */
  public int poll() {
    boolean pop3 = mailbox.getScheme().startsWith("pop3");
    Properties props = new Properties();
    String prefix = "mail." + mailbox.getScheme() + ".";
    props.put(prefix + "connectiontimeout", "10000");
    props.put(prefix + "timeout", "30000");
    Session session = Session.getInstance(props);
    int applied = 0;
    try (Store store = session.getStore(new URLName(mailbox.toString()))) {
      store.connect();
      String path = mailbox.getPath() == null ? "" : mailbox.getPath().replaceFirst("^/", "");
      Folder folder = store.getFolder(pop3 || path.isEmpty() ? "INBOX" : path);
      folder.open(Folder.READ_WRITE);
      Message[] mail =
          pop3
              ? folder.getMessages()
              : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
      for (Message message : mail) {
        int found = read((MimeMessage) message);
        applied += found;
        message.setFlag(found > 0 || pop3 ? Flags.Flag.DELETED : Flags.Flag.SEEN, true);
      }
      folder.close(true); // expunges what was deleted
    } catch (MessagingException e) {
      log.warn("bounce mailbox {}: {}", mailbox.getHost(), e.getMessage());
    }
    return applied;
  }

  private int read(MimeMessage message) throws MessagingException {
    try {
      int count = 0;
      for (DeliveryReport report : reports.parse(message)) {
        bounces
            .apply(report)
            .ifPresent(id -> log.info("subscriber {}: {} {}", id, report.kind(), report.status()));
        count++;
      }
      return count;
    } catch (IOException e) {
      log.warn("unreadable report mail: {}", e.getMessage());
      return 0;
    }
  }
}
