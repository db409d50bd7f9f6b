package org.tamizdat.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * WordPress shortcodes in a post's HTML: {@code [caption]} becomes a figure with its caption,
 * {@code [gallery]} a gallery figure of its attachments, anything else that is clearly a shortcode
 * (it has attributes or a closing tag) is removed, its enclosed text kept, with a warning. A bare
 * {@code [word]} stays: it is far more often an editor's bracket ("[sic]") than a shortcode.
 */
final class Shortcodes {
  private static final Pattern CAPTION =
      Pattern.compile(
          "\\[(?:caption|wp_caption)([^\\]]*)\\](.*?)\\[/(?:caption|wp_caption)\\]",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern GALLERY =
      Pattern.compile("\\[gallery([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
  private static final Pattern OPENING =
      Pattern.compile("\\[([A-Za-z][\\w-]*)(\\s[^\\[\\]]*)?/?\\]");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");

  private Shortcodes() {}

  static String expand(String html, long postId, Images images, Consumer<String> warn) {
    String out = captions(html);
    out = galleries(out, postId, images, warn);
    return unknown(out, warn);
  }

  private static String captions(String html) {
    Matcher m = CAPTION.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Element inner = Jsoup.parseBodyFragment(m.group(2)).body();
      Element img = inner.selectFirst("img");
      String caption = attribute(m.group(1), "caption");
      if (img != null) {
        Element link = img.parent() != null && img.parent().nameIs("a") ? img.parent() : img;
        link.remove();
      }
      String text = caption != null ? Entities.escape(caption) : inner.html().strip();
      String figure =
          "<figure>"
              + (img == null ? "" : img.outerHtml())
              + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>")
              + "</figure>";
      m.appendReplacement(out, Matcher.quoteReplacement("\n\n" + figure + "\n\n"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String galleries(String html, long postId, Images images, Consumer<String> warn) {
    Matcher m = GALLERY.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ids = attribute(m.group(1), "ids");
      List<Long> attachments = ids == null ? images.childrenOf(postId) : numbers(ids, warn);
      StringBuilder figure = new StringBuilder("<figure class=\"gallery\">");
      int shown = 0;
      for (long id : attachments) {
        Optional<Images.Image> image = images.attachment(id);
        if (image.isPresent()) {
          shown++;
          figure
              .append("<img src=\"")
              .append(Entities.escape(image.get().url()))
              .append("\" alt=\"")
              .append(Entities.escape(image.get().alt()))
              .append("\">");
        }
      }
      figure.append("</figure>");
      m.appendReplacement(
          out, Matcher.quoteReplacement(shown == 0 ? "" : "\n\n" + figure + "\n\n"));
      if (shown == 0) {
        warn.accept("gallery with no importable images removed");
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<Long> numbers(String ids, Consumer<String> warn) {
    List<Long> out = new ArrayList<>();
    for (String id : ids.split(",")) {
      try {
        out.add(Long.parseLong(id.strip()));
      } catch (NumberFormatException e) {
        warn.accept("gallery id '" + id.strip() + "' is not a number");
      }
    }
    return out;
  }

  private static String unknown(String html, Consumer<String> warn) {
    Set<String> removed = new LinkedHashSet<>();
    Matcher m = OPENING.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String lower = name.toLowerCase(Locale.ROOT);
      boolean hasAttributes = m.group(2) != null && m.group(2).contains("=");
      boolean encloses = html.indexOf("[/" + name + "]", m.end()) >= 0;
      if (hasAttributes || encloses || m.group(0).endsWith("/]")) {
        removed.add(lower);
        m.appendReplacement(out, "");
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group(0)));
      }
    }
    m.appendTail(out);
    String result = out.toString();
    for (String name : removed) {
      result =
          Pattern.compile("\\[/" + Pattern.quote(name) + "\\]", Pattern.CASE_INSENSITIVE)
              .matcher(result)
              .replaceAll("");
    }
    removed.forEach(name -> warn.accept("shortcode [" + name + "] removed"));
    return result;
  }

  private static String attribute(String attributes, String name) {
    Matcher m = ATTRIBUTE.matcher(attributes == null ? "" : attributes);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name)) {
        return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      }
    }
    return null;
  }
}
