package org.tamizdat.web;

import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Sent with every response. Pages load nothing from other origins and run no inline script or
 * style, so the policy can forbid both outright.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
          + "connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  private static final HttpString CSP_HEADER = new HttpString("Content-Security-Policy");
  private static final HttpString REFERRER = new HttpString("Referrer-Policy");
  private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
  private static final HttpString FRAME = new HttpString("X-Frame-Options");
  private static final HttpString PERMISSIONS = new HttpString("Permissions-Policy");
  private static final HttpString OPENER = new HttpString("Cross-Origin-Opener-Policy");

  private SecurityHeaders() {}

  static void apply(HeaderMap headers) {
    headers.put(CSP_HEADER, CSP);
    headers.put(REFERRER, "no-referrer");
    headers.put(NOSNIFF, "nosniff");
    headers.put(FRAME, "DENY");
    headers.put(PERMISSIONS, "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    headers.put(OPENER, "same-origin");
  }
}
