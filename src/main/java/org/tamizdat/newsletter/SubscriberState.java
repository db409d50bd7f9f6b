package org.tamizdat.newsletter;

import java.util.Locale;

/** Where a subscriber stands. Only {@link #ACTIVE} subscribers receive digests. */
public enum SubscriberState {
  PENDING,
  ACTIVE,
  UNSUBSCRIBED,
  BOUNCED,
  COMPLAINED;

  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SubscriberState fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
