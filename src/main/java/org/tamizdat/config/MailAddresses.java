package org.tamizdat.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks the mail addresses an operator configures, with RFC 5322's strict parser. */
final class MailAddresses {
  private MailAddresses() {}

  /** Returns {@code raw} stripped; {@code withName} allows {@code Display Name <a@b>}. */
  static String check(String raw, boolean withName) {
    String value = raw.strip();
    try {
      InternetAddress address = new InternetAddress(value, true);
      if (!address.getAddress().contains("@")) {
        throw new AddressException("no domain");
      }
      if (!withName && address.getPersonal() != null) {
        throw new IllegalArgumentException("must be a bare address like bounces@example.org");
      }
      return value;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          withName
              ? "must be an address like 'Newsroom <digest@example.org>'"
              : "must be an address like bounces@example.org");
    }
  }
}
