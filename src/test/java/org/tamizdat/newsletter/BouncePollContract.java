package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;

/** The poller against GreenMail's IMAP server, on each engine. */
abstract class BouncePollContract extends DigestTestBase {
  GreenMail imap;
  GreenMailUser mailbox;
  BouncePoller poller;

  @BeforeEach
  void mailbox() {
    imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
    imap.start();
    mailbox = imap.setUser("bounces@lantern.example", "bounces", "s3cret");
    URI url = URI.create("imap://bounces:s3cret@127.0.0.1:" + imap.getImap().getPort() + "/INBOX");
    poller =
        new BouncePoller(url, new DeliveryReports(), new Bounces(database, subscribers, 1, clock));
  }

  @AfterEach
  void stop() {
    if (imap != null) { // null when the database was skipped (no PostgreSQL)
      imap.stop();
    }
  }

  void deliver(String fixture, long subscriberId) throws Exception {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/newsletter/" + fixture)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    byte[] mail = text.replace("SUBSCRIBER", String.valueOf(subscriberId)).getBytes();
    mailbox.deliver(
        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail)));
  }

  SubscriberState state(Subscriber s) {
    return database.read(h -> subscribers.find(h, s.id())).orElseThrow().state();
  }

  @Test
  void reportsAreAppliedAndDeletedOtherMailIsLeftSeen() throws Exception {
    Subscriber gone = active("gone@example.net", Language.EN);
    Subscriber slow = active("slow@example.net", Language.EN);
    Subscriber annoyed = active("annoyed@isp.example", Language.RU);
    deliver("dsn-permanent.eml", gone.id());
    deliver("dsn-delayed.eml", slow.id());
    deliver("arf-complaint.eml", 999_999); // not ours: found by Original-Rcpt-To
    deliver("auto-reply.eml", 0);
    assertEquals(3, poller.poll());
    assertEquals(SubscriberState.BOUNCED, state(gone));
    assertEquals(SubscriberState.ACTIVE, state(slow));
    assertEquals(SubscriberState.COMPLAINED, state(annoyed));
    assertEquals(1, imap.getReceivedMessages().length, "only the auto-reply is left");
    assertEquals(0, poller.poll(), "nothing is read twice");
  }
}
