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

  /** Images may only come from the web or our own site; never mailto:, data: or script URLs. */
  private static final AttributePolicy WEB_OR_RELATIVE_URL =
      (element, attribute, value) -> {
        String url = value.strip().toLowerCase(Locale.ROOT);
        boolean hasScheme = url.matches("^[a-z][a-z0-9+.-]*:.*");
        return !hasScheme || url.startsWith("http:") || url.startsWith("https:") ? value : null;
      };

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
          .matching(WEB_OR_RELATIVE_URL)
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

  /** Returns {@code html} with every element, attribute and URL outside the allow-list removed. */
  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
