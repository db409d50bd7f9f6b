package org.tamizdat.feed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the links in a stored body absolute for feeds, which are read away from the site. Bodies
 * come from the sanitizer, which always double-quotes attributes, so a pattern is enough.
 */
final class AbsoluteLinks {
  private static final Pattern RELATIVE =
      Pattern.compile("\\b(href|src)=\"(/(?!/)[^\"]*|#[^\"]*)\"");

  private AbsoluteLinks() {}

  /** {@code /path} resolves against {@code siteUrl}, {@code #anchor} against {@code pageUrl}. */
  static String resolve(String html, String siteUrl, String pageUrl) {
    Matcher m = RELATIVE.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 64);
    while (m.find()) {
      String target = m.group(2);
      String base = target.startsWith("#") ? pageUrl : siteUrl;
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=\"" + base + target + "\""));
    }
    return m.appendTail(out).toString();
  }
}
