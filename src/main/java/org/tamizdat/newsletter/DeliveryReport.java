package org.tamizdat.newsletter;

import java.util.Optional;

/**
 * What a report mail says about one message of ours: it failed for good (a DSN with a 5.x.x
 * status), is only delayed (4.x.x), or the reader complained (an ARF feedback report). Who it is
 * about: the returned message's Message-ID when it is one of our digests, else the recipient.
 */
public record DeliveryReport(
    Kind kind, String status, Optional<String> messageId, Optional<String> recipient) {
  /** The kinds of report. */
  public enum Kind {
    PERMANENT,
    TEMPORARY,
    COMPLAINT
  }
}
