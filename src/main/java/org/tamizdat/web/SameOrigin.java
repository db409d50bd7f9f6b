package org.tamizdat.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a state-changing request came from a page of this site. Public forms carry no session, so
 * there is no session-bound CSRF token to check; instead we refuse requests a browser marks as
 * coming from elsewhere. Our pages send {@code Referrer-Policy: no-referrer}, so a browser sends
 * {@code Origin: null} (or nothing) and no Referer for our own forms: absent or "null" headers
 * cannot be judged and pass. What the request does must therefore be safe without this check too
 * (double opt-in, secret tokens); this only stops other sites from driving our forms.
 */
public final class SameOrigin {
  private static final Set<String> SAFE_FETCH_SITES = Set.of("same-origin", "none");

  private final String origin;

  public SameOrigin(URI baseUrl) {
    int port = baseUrl.getPort();
    this.origin =
        (baseUrl.getScheme() + "://" + baseUrl.getHost() + (port < 0 ? "" : ":" + port))
            .toLowerCase(Locale.ROOT);
  }

  /** True when a header shows that the request was sent by another site's page. */
  public boolean isCrossSite(Request request) {
    String fetchSite = request.header("Sec-Fetch-Site").orElse("same-origin");
    if (!SAFE_FETCH_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String from = request.header("Origin").orElse("null").toLowerCase(Locale.ROOT);
    if (!from.equals("null") && !from.equals(origin)) {
      return true;
    }
    return request
        .header("Referer")
        .map(referer -> !referer.toLowerCase(Locale.ROOT).startsWith(origin + "/"))
        .orElse(false);
  }
}
