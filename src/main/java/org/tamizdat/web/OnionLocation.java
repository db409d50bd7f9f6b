package org.tamizdat.web;

import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code Onion-Location} header: Tor Browser offers readers the same page on the newsroom's
 * onion service, which no censor can block by address.
 */
final class OnionLocation {
  private static final HttpString HEADER = new HttpString("Onion-Location");
  private final String base;

  OnionLocation(Optional<URI> onionUrl) {
    this.base = onionUrl.map(URI::toString).orElse(null);
  }

  void apply(HeaderMap headers, String requestUri, String query) {
    if (base != null) {
      headers.put(HEADER, base + requestUri + (query.isEmpty() ? "" : "?" + query));
    }
  }
}
