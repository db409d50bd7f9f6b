package org.tamizdat.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** What in an HTML fragment could run script, parsed the way a browser would parse it. */
public final class SafeHtml {
  private static final Set<String> ACTIVE =
      Set.of(
          "script",
          "style",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "svg",
          "math",
          "base",
          "form",
          "meta",
          "link",
          "template",
          "noscript",
          "xmp",
          "textarea");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "data", "xlink:href", "background", "srcset");

  private SafeHtml() {}

  /** Empty when {@code html} has no active element, event handler, style or script URL. */
  public static List<String> problems(String html) {
    List<String> found = new ArrayList<>();
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      if (ACTIVE.contains(e.normalName())) found.add("element " + e.normalName());
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")) {
          found.add("attribute " + name + " on " + e.normalName());
        }
        if (URL_ATTRIBUTES.contains(name)) {
          String url = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
          boolean scheme = url.matches("^[a-z][a-z0-9+.-]*:.*");
          if (scheme && !url.matches("^(https?|mailto):.*")) {
            found.add(name + "=" + a.getValue() + " on " + e.normalName());
          }
        }
      }
    }
    return found;
  }
}
