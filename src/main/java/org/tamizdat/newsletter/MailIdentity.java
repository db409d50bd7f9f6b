package org.tamizdat.newsletter;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.tamizdat.config.MailSettings;

/** Who our messages are from, where replies and bounces go. Checked by the config loader. */
public record MailIdentity(
    InternetAddress from, Optional<InternetAddress> replyTo, String returnPath) {

  public static MailIdentity of(MailSettings settings) {
    InternetAddress from = address(settings.from().orElseThrow());
    return new MailIdentity(
        from,
        settings.replyTo().map(MailIdentity::address),
        settings.returnPath().orElse(from.getAddress()));
  }

  /** The right-hand side of our Message-IDs: the From address's domain. */
  public String domain() {
    String address = from.getAddress();
    return address.substring(address.lastIndexOf('@') + 1);
  }

  private static InternetAddress address(String value) {
    try {
      return new InternetAddress(value, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a mail address: " + value, e);
    }
  }
}
