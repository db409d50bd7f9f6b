package org.tamizdat.newsletter;

import java.net.URI;
import org.tamizdat.article.Language;

/** The newsletter's addresses, on the site and in e-mails (absolute, from the base URL). */
public final class NewsletterUrls {
  private final URI baseUrl;

  public NewsletterUrls(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String subscribe(Language lang) {
    return "/" + lang.code() + "/subscribe";
  }

  public String confirm(Language lang) {
    return subscribe(lang) + "/confirm";
  }

  public String unsubscribe(Language lang) {
    return "/" + lang.code() + "/unsubscribe";
  }

  /** The link in the confirmation e-mail; it opens a page with a button, it confirms nothing. */
  public String confirmLink(Language lang, String token) {
    return baseUrl + confirm(lang) + "?token=" + token;
  }

  /** The List-Unsubscribe URL: a GET shows a button, a POST (RFC 8058) unsubscribes at once. */
  public String unsubscribeLink(Language lang, String token) {
    return baseUrl + unsubscribe(lang) + "?token=" + token;
  }

  public String absolute(String path) {
    return baseUrl + path;
  }
}
