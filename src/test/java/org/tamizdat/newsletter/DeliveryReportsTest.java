package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tamizdat.newsletter.DeliveryReport.Kind;

/** Our fixtures of RFC 3464 and RFC 5965 reports, as mail servers send them. */
class DeliveryReportsTest {
  static final Optional<String> OURS = Optional.of("<digest-7.SUBSCRIBER@lantern.example>");

  static MimeMessage fixture(String name) throws Exception {
    try (InputStream in = DeliveryReportsTest.class.getResourceAsStream("/newsletter/" + name)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  static List<DeliveryReport> parse(String name) throws Exception {
    return new DeliveryReports().parse(fixture(name));
  }

  @Test
  void aPermanentFailureNamesItsStatusRecipientAndOurMessage() throws Exception {
    assertEquals(
        List.of(new DeliveryReport(Kind.PERMANENT, "5.1.1", OURS, Optional.of("gone@example.net"))),
        parse("dsn-permanent.eml"));
  }

  @Test
  void aDelayIsTemporary() throws Exception {
    assertEquals(
        List.of(new DeliveryReport(Kind.TEMPORARY, "4.4.7", OURS, Optional.of("gone@example.net"))),
        parse("dsn-delayed.eml"));
  }

  @Test
  void anArfAbuseReportIsAComplaint() throws Exception {
    assertEquals(
        List.of(
            new DeliveryReport(
                Kind.COMPLAINT, "arf-abuse", OURS, Optional.of("annoyed@isp.example"))),
        parse("arf-complaint.eml"));
  }

  @Test
  void otherMailIsNoReport() throws Exception {
    assertEquals(List.of(), parse("auto-reply.eml"));
  }

  @Test
  void ourMessageIdsNameTheSubscriber() {
    assertEquals(Optional.of(42L), DigestMessages.subscriberOf("<digest-7.42@lantern.example>"));
    assertEquals(Optional.empty(), DigestMessages.subscriberOf("<confirm.x@lantern.example>"));
  }
}
