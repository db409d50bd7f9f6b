package org.tamizdat.article;

import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The single allow-list for HTML that reaches readers: rendered Markdown, imported WordPress posts
 * and feed content all go through {@link #sanitize}. Anything not listed here is dropped.
 */
public final class HtmlPolicy {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*", Pattern.DOTALL);

  /**
   * Images come from our own site only (relative URLs such as {@code /media/...}): never from
   * another server, which would learn who reads what, and never mailto:, data: or script URLs.
   * Markdown images from elsewhere become links before they get here.
   */
  private static final AttributePolicy SAME_SITE_URL =
      (element, attribute, value) -> isForeign(value) ? null : value;

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "hr", "h2", "h3", "h4", "blockquote", "figure", "figcaption")
          .allowElements("em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark")
          .allowElements("ul", "ol", "li", "code", "pre", "a", "img")
          .allowElements("table", "thead", "tbody", "tr", "th", "td")
          // The page headline is the only h1; demote rather than drop, which would glue the
          // heading's words onto the neighbouring text.
          .allowElements((element, attributes) -> "h2", "h1")
          .allowElements((element, attributes) -> "h4", "h5", "h6")
          .allowAttributes("class")
          .matching(Pattern.compile("testimony|gallery"))
          .onElements("figure")
          .allowAttributes("start")
          .matching(NUMBER)
          .onElements("ol")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("noopener", "noreferrer")
          .allowAttributes("src")
          .matching(SAME_SITE_URL)
          .onElements("img")
          .allowAttributes("alt")
          .onElements("img")
          .allowAttributes("width", "height")
          .matching(NUMBER)
          .onElements("img")
          .allowAttributes("loading")
          .matching(Pattern.compile("lazy|eager"))
          .onElements("img")
          .allowAttributes("colspan", "rowspan")
          .matching(NUMBER)
          .onElements("th", "td")
          .toFactory();

  private HtmlPolicy() {}

  /**
   * Whether a URL names a scheme or another host. Read as browsers read it: tabs and line breaks
   * inside are ignored and a backslash counts as a slash, so {@code /\host} and {@code /<tab>/host}
   * are protocol-relative ({@code //host}) too.
   */
  static boolean isForeign(String url) {
    String u = url.strip().replaceAll("[\t\n\r]", "").replace('\\', '/').toLowerCase(Locale.ROOT);
    return SCHEME.matcher(u).matches() || u.startsWith("//");
  }

  /** Returns {@code html} with every element, attribute and URL outside the allow-list removed. */
  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
