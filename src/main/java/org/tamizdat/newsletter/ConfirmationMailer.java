package org.tamizdat.newsletter;

/** Sends the double opt-in e-mail. The raw token is in memory only until the message is sent. */
@FunctionalInterface
public interface ConfirmationMailer {
  void send(Subscriber subscriber, String token);
}
