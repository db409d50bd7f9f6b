package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * The one reader of SMTP replies: what the server said to a message, reduced to accepted, try again
 * later (4xx, or no answer at all) or never (5xx).
 */
public record SmtpReply(int code, String text) {
  public static final SmtpReply ACCEPTED = new SmtpReply(250, "accepted");

  public boolean accepted() {
    return code / 100 == 2;
  }

  public boolean permanent() {
    return code / 100 == 5;
  }

  /** The reply inside a failed send; a failure without one (connection lost) is temporary. */
  public static SmtpReply of(MessagingException failure) {
    for (Exception e = failure; e != null; ) {
      int code =
          switch (e) {
            case SMTPAddressFailedException a -> a.getReturnCode();
            case SMTPSendFailedException s -> s.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            default -> -1;
          };
      if (code >= 400) {
        return new SmtpReply(code, oneLine(e.getMessage()));
      }
      e = e instanceof MessagingException m ? m.getNextException() : null;
    }
    return new SmtpReply(451, "no reply: " + oneLine(failure.getMessage()));
  }

  private static String oneLine(String message) {
    String text = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    return text.length() > 400 ? text.substring(0, 400) : text;
  }
}
