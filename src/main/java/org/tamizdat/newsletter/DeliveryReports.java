package org.tamizdat.newsletter;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one reader of report mail: RFC 3464 delivery status notifications and RFC 5965 (ARF) feedback
 * reports, both {@code multipart/report}. Anything else (auto-replies, spam) yields no report. A
 * DSN has one report per failed or delayed recipient; "delivered" and "relayed" ones are not
 * reports of trouble and are left out.
 */
public final class DeliveryReports {
  public List<DeliveryReport> parse(MimeMessage mail) throws MessagingException, IOException {
    if (!mail.isMimeType("multipart/report") || !(mail.getContent() instanceof Multipart parts)) {
      return List.of();
    }
    String type =
        Optional.ofNullable(new ContentType(mail.getContentType()).getParameter("report-type"))
            .orElse("")
            .toLowerCase(Locale.ROOT);
    Optional<String> messageId = Optional.empty();
    InternetHeaders report = null;
    List<InternetHeaders> recipients = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("message/delivery-status")) {
        List<InternetHeaders> groups = groups(text(part));
        recipients.addAll(groups.subList(Math.min(1, groups.size()), groups.size()));
      } else if (part.isMimeType("message/feedback-report")) {
        report = groups(text(part)).stream().findFirst().orElse(new InternetHeaders());
      } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
        messageId = originalMessageId(part);
      }
    }
    if (type.equals("feedback-report") && report != null) {
      String feedback = first(report, "Feedback-Type").orElse("abuse");
      return List.of(
          new DeliveryReport(
              DeliveryReport.Kind.COMPLAINT,
              "arf-" + feedback.toLowerCase(Locale.ROOT),
              messageId,
              first(report, "Original-Rcpt-To").map(DeliveryReports::address)));
    }
    List<DeliveryReport> reports = new ArrayList<>();
    for (InternetHeaders recipient : recipients) {
      String action = first(recipient, "Action").orElse("").toLowerCase(Locale.ROOT);
      String status = first(recipient, "Status").orElse("").replaceAll("\\s.*", "");
      Optional<String> address =
          first(recipient, "Final-Recipient")
              .or(() -> first(recipient, "Original-Recipient"))
              .map(DeliveryReports::address);
      if (action.equals("failed") && status.startsWith("5.")) {
        reports.add(new DeliveryReport(DeliveryReport.Kind.PERMANENT, status, messageId, address));
      } else if (action.equals("failed") || action.equals("delayed")) {
        reports.add(new DeliveryReport(DeliveryReport.Kind.TEMPORARY, status, messageId, address));
      }
    }
    return reports;
  }

  /** The field groups of a report body, separated by blank lines (folded lines are unfolded). */
  private static List<InternetHeaders> groups(String body) throws MessagingException {
    List<InternetHeaders> groups = new ArrayList<>();
    for (String group : body.replace("\r\n", "\n").split("\n\\s*\n")) {
      if (!group.isBlank()) {
        groups.add(
            new InternetHeaders(
                new ByteArrayInputStream(
                    (group.strip() + "\n\n").getBytes(StandardCharsets.UTF_8))));
      }
    }
    return groups;
  }

  private static Optional<String> originalMessageId(Part part)
      throws MessagingException, IOException {
    InternetHeaders headers;
    if (part.getContent() instanceof MimeMessage original) {
      return Optional.ofNullable(original.getMessageID());
    }
    try (InputStream in = part.getInputStream()) {
      headers = new InternetHeaders(in);
    }
    return first(headers, "Message-ID");
  }

  private static String text(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Optional<String> first(InternetHeaders headers, String name) {
    return Optional.ofNullable(headers.getHeader(name, null)).map(String::strip);
  }

  /** {@code rfc822; a@b} or {@code <a@b>} to {@code a@b}. */
  private static String address(String field) {
    String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
    return value.strip().replaceAll("^<|>$", "");
  }
}
