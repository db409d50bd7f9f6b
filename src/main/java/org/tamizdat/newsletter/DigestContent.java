package org.tamizdat.newsletter;

import org.tamizdat.article.Language;

/**
 * A digest as stored: subject and both bodies, with {@link #UNSUBSCRIBE} where each subscriber's
 * own unsubscribe link goes.
 */
public record DigestContent(
    Language lang,
    long weekStartMillis,
    long weekEndMillis,
    String subject,
    String text,
    String html) {
  public static final String UNSUBSCRIBE = "{{unsubscribe}}";
}
