package org.tamizdat.ticker;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Checks every parser makes before its format: is there a body at all, and is it a web page? */
final class UpstreamBodies {
  private UpstreamBodies() {}

  /** Throws for an empty body or an HTML page (what proxies and error handlers send). */
  static void requireData(byte[] body, String expected) throws UpstreamProblem {
    // Markup is ASCII in every encoding the sources use, so a Latin-1 view is enough to look.
    String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
    String head = start.replace("\uFEFF", "").replace("ï»¿", "").strip().toLowerCase(Locale.ROOT);
    if (head.isEmpty()) {
      throw new UpstreamProblem("empty body");
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      throw new UpstreamProblem("HTML page instead of " + expected);
    }
  }
}
