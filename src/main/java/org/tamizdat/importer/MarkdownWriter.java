package org.tamizdat.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes parsed WordPress HTML as our Markdown, so imported posts are edited, typeset and rendered
 * like any other. Only what the reader sees survives: attributes never pass (so no event handlers),
 * links keep http(s), mailto and relative targets only, and the few structures Markdown lacks
 * (figures, tables) become one-line HTML blocks built here from text, which the renderer's
 * sanitizer checks again.
 */
final class MarkdownWriter {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "header",
          "footer",
          "main",
          "aside",
          "nav",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "hr",
          "figure",
          "table",
          "dl",
          "dt",
          "dd",
          "address",
          "center",
          "details",
          "summary",
          "iframe",
          "script",
          "style",
          "video",
          "audio",
          "object",
          "embed",
          "form",
          "noscript",
          "template",
          "canvas",
          "svg");
  private static final Set<String> DROPPED =
      Set.of("script", "style", "form", "noscript", "template", "canvas", "svg", "button");
  private static final Set<String> EMBEDS = Set.of("iframe", "video", "audio", "object", "embed");
  private static final Pattern LINE_START_SYNTAX = Pattern.compile("(?m)^([#>+=-]|\\d+(?=[.)]))");
  private static final Pattern LIST_MARKER = Pattern.compile("(- |\\d+\\. )");
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern SAFE_LINK =
      Pattern.compile("^(https?:|mailto:|/|#|\\.|[^:/?#]*([/?#]|$)).*", Pattern.DOTALL);

  private final Images images;
  private final Consumer<String> warn;

  MarkdownWriter(Images images, Consumer<String> warn) {
    this.images = images;
    this.warn = warn;
  }

  String write(Element body) {
    return String.join("\n\n", blocks(body)).strip() + "\n";
  }

  /** The blocks inside {@code parent}; runs of inline content become paragraphs. */
  private List<String> blocks(Element parent) {
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (Node node : parent.childNodes()) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        flush(run, out);
        block(e, out);
      } else {
        run.append(inline(node));
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(StringBuilder run, List<String> out) {
    String paragraph = paragraph(run.toString());
    if (!paragraph.isEmpty()) {
      out.add(paragraph);
    }
    run.setLength(0);
  }

  /** Tidies a paragraph: no doubled spaces or indents, and no text that reads as block syntax. */
  private static String paragraph(String markdown) {
    List<String> lines = new ArrayList<>();
    for (String line : markdown.split("\n", -1)) {
      String tidy = SPACES.matcher(line).replaceAll(" ").strip();
      lines.add(tidy);
    }
    String joined = String.join("\n", lines).strip();
    // A trailing hard break would leave a dangling backslash.
    while (joined.endsWith("\\")) {
      joined = joined.substring(0, joined.length() - 1).strip();
    }
    return LINE_START_SYNTAX.matcher(joined).replaceAll(m -> Matcher.quoteReplacement(escape(m)));
  }

  private static String escape(java.util.regex.MatchResult m) {
    String found = m.group(1);
    return Character.isDigit(found.charAt(0)) ? found + "\\" : "\\" + found;
  }

  private void block(Element e, List<String> out) {
    String name = e.normalName();
    switch (name) {
      case "p", "dt", "dd", "address", "summary", "center" -> flush(inlineOf(e), out);
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        String text = paragraph(inlineOf(e).toString()).replace("\\\n", " ").replace('\n', ' ');
        if (!text.isEmpty()) {
          out.add("#".repeat(name.charAt(1) - '0') + " " + text);
        }
      }
      case "ul", "ol" -> list(e, out);
      case "blockquote" -> {
        List<String> inner = blocks(e);
        if (!inner.isEmpty()) {
          out.add(
              String.join("\n\n", inner)
                  .lines()
                  .map(l -> l.isEmpty() ? ">" : "> " + l)
                  .reduce((a, b) -> a + "\n" + b)
                  .orElse(""));
        }
      }
      case "pre" -> {
        String code = e.wholeText().stripTrailing();
        String fence = "```";
        while (code.contains(fence)) {
          fence += "`";
        }
        out.add(fence + "\n" + code + "\n" + fence);
      }
      case "hr" -> out.add("---");
      case "figure" -> figure(e, out);
      case "table" -> out.add(table(e));
      default -> {
        if (EMBEDS.contains(name)) {
          warn.accept("embedded " + name + " removed");
        } else if (!DROPPED.contains(name)) {
          out.addAll(blocks(e));
        }
      }
    }
  }

  private StringBuilder inlineOf(Element e) {
    StringBuilder run = new StringBuilder();
    for (Node child : e.childNodes()) {
      run.append(inline(child));
    }
    return run;
  }

  private void list(Element e, List<String> out) {
    boolean ordered = e.normalName().equals("ol");
    int number = 1;
    if (ordered && e.attr("start").matches("[0-9]{1,4}")) {
      number = Integer.parseInt(e.attr("start"));
    }
    List<String> items = new ArrayList<>();
    for (Element li : e.children()) {
      if (!li.normalName().equals("li")) {
        continue;
      }
      String marker = ordered ? (number++) + ". " : "- ";
      String content = itemContent(blocks(li));
      String indent = " ".repeat(marker.length());
      StringBuilder item = new StringBuilder(marker);
      boolean first = true;
      for (String line : content.split("\n", -1)) {
        if (!first) {
          item.append('\n').append(line.isEmpty() ? "" : indent);
        }
        item.append(line);
        first = false;
      }
      items.add(item.toString());
    }
    if (!items.isEmpty()) {
      out.add(String.join("\n", items));
    }
  }

  /** An item's blocks; a nested list follows its line directly, so the list stays tight. */
  private static String itemContent(List<String> blocks) {
    StringBuilder content = new StringBuilder();
    for (String block : blocks) {
      if (!content.isEmpty()) {
        content.append(LIST_MARKER.matcher(block).lookingAt() ? "\n" : "\n\n");
      }
      content.append(block);
    }
    return content.toString();
  }

  /** A figure of images with a caption, as one HTML line; anything else in it as blocks. */
  private void figure(Element e, List<String> out) {
    List<String> imgs = new ArrayList<>();
    StringBuilder links = new StringBuilder();
    for (Element img : e.select("img")) {
      Optional<String> src = images.local(img.attr("src"));
      if (src.isPresent()) {
        imgs.add(
            "<img src=\""
                + Entities.escape(src.get())
                + "\" alt=\""
                + Entities.escape(img.attr("alt"))
                + "\">");
      } else if (images.foreign(img.attr("src"))) {
        links.append(foreignLink(img)).append(' ');
      }
    }
    Element caption = e.selectFirst("figcaption");
    String captionText = caption == null ? "" : caption.text().strip();
    if (imgs.isEmpty()) {
      Element copy = e.clone();
      copy.select("figcaption, img").remove();
      out.addAll(blocks(copy));
      flush(links, out);
      if (!captionText.isEmpty()) {
        flush(new StringBuilder(escapeText(captionText)), out);
      }
      return;
    }
    boolean gallery = imgs.size() > 1 || e.hasClass("gallery") || e.hasClass("wp-block-gallery");
    out.add(
        "<figure"
            + (gallery ? " class=\"gallery\">" : ">")
            + String.join("", imgs)
            + (captionText.isEmpty()
                ? ""
                : "<figcaption>" + Entities.escape(captionText) + "</figcaption>")
            + "</figure>");
  }

  private static String table(Element e) {
    StringBuilder html = new StringBuilder("<table><tbody>");
    for (Element row : e.select("tr")) {
      html.append("<tr>");
      for (Element cell : row.children()) {
        String tag = cell.normalName().equals("th") ? "th" : "td";
        html.append('<').append(tag).append('>');
        html.append(Entities.escape(cell.text().strip()));
        html.append("</").append(tag).append('>');
      }
      html.append("</tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private String inline(Node node) {
    if (node instanceof TextNode text) {
      return escapeText(text.text());
    }
    if (!(node instanceof Element e)) {
      return "";
    }
    String name = e.normalName();
    return switch (name) {
      case "br" -> "\\\n";
      case "em", "i", "cite", "dfn", "var" -> wrap("*", inlineOf(e).toString());
      case "strong", "b" -> wrap("**", inlineOf(e).toString());
      case "code", "kbd", "samp", "tt" -> code(e.wholeText());
      case "a" -> link(e);
      case "img" -> image(e);
      case "sup", "sub", "s", "u", "mark", "small" -> html(name, inlineOf(e).toString());
      case "del", "strike" -> html("s", inlineOf(e).toString());
      case "ins" -> html("u", inlineOf(e).toString());
      default -> {
        if (DROPPED.contains(name)) {
          yield "";
        }
        if (EMBEDS.contains(name)) {
          warn.accept("embedded " + name + " removed");
          yield "";
        }
        // Blocks inside inline content (a div in a link) keep their words.
        String inner = inlineOf(e).toString();
        yield BLOCKS.contains(name) ? " " + inner + " " : inner;
      }
    };
  }

  private String link(Element a) {
    String inner = inlineOf(a).toString().strip();
    String href = a.attr("href").strip();
    if (href.isEmpty() || !SAFE_LINK.matcher(href.toLowerCase(Locale.ROOT)).matches()) {
      return inner;
    }
    if (inner.isEmpty()) {
      return "";
    }
    return "[" + inner + "](" + destination(href) + ")";
  }

  private String image(Element img) {
    String src = img.attr("src").strip();
    String alt = escapeText(img.attr("alt").strip());
    Optional<String> local = images.local(src);
    if (local.isPresent()) {
      return "![" + alt + "](" + destination(local.get()) + ")";
    }
    return images.foreign(src) ? foreignLink(img) : "";
  }

  /** An image from another server would show readers' addresses to it: a link instead. */
  private static String foreignLink(Element img) {
    String src = img.attr("src").strip();
    if (!src.toLowerCase(Locale.ROOT).matches("^https?://.*")) {
      return "";
    }
    String alt = escapeText(img.attr("alt").strip());
    return "[" + (alt.isEmpty() ? "image" : alt) + "](" + destination(src) + ")";
  }

  private static String destination(String url) {
    return url.matches("[^\\s()<>]*")
        ? url
        : "<" + url.replace("<", "%3C").replace(">", "%3E") + ">";
  }

  private static String wrap(String marker, String inner) {
    String trimmed = inner.strip();
    if (trimmed.isEmpty()) {
      return inner;
    }
    String before = inner.startsWith(" ") ? " " : "";
    String after = inner.endsWith(" ") ? " " : "";
    return before + marker + trimmed + marker + after;
  }

  private static String html(String tag, String inner) {
    return inner.isBlank() ? inner : "<" + tag + ">" + inner + "</" + tag + ">";
  }

  private static String code(String text) {
    String flat = text.replace('\n', ' ');
    if (flat.isBlank()) {
      return flat;
    }
    String ticks = "`";
    while (flat.contains(ticks)) {
      ticks += "`";
    }
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return ticks + pad + flat + pad + ticks;
  }

  /** Text as Markdown that shows it literally (line-start syntax is handled per paragraph). */
  static String escapeText(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
