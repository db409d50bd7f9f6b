package org.tamizdat.newsletter;

/**
 * A newsletter page. {@code kind} picks what the template shows (form, sent, confirm, confirmed,
 * unsubscribe, unsubscribed, invalid, limited, refused); its texts are {@code newsletter.<kind>.*}.
 */
public record NewsletterView(
    String kind, String action, String email, String problem, String token) {

  static NewsletterView of(String kind) {
    return new NewsletterView(kind, null, "", null, null);
  }
}
