package org.tamizdat.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A WordPress post body (classic HTML with WordPress's implied paragraphs, or block-editor markup)
 * as our Markdown. The article writer then renders and sanitizes it like any other body.
 */
final class ContentConverter {
  /** Block-editor delimiters and the "read more" marker: comments that carry no content. */
  private static final Pattern BLOCK_COMMENTS =
      Pattern.compile("<!--\\s*/?(?:wp:[^>]*?|more|nextpage|noteaser)\\s*-->", Pattern.DOTALL);

  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
  private static final Pattern STARTS_WITH_BLOCK =
      Pattern.compile(
          "^<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|thead|tbody|tr|pre|hr|iframe"
              + "|section|dl|address|form|script|style|video|audio|center|/)[\\s>/]",
          Pattern.CASE_INSENSITIVE);

  private ContentConverter() {}

  /** Converts {@code html} of post {@code postId}; problems go to {@code warn}. */
  static String toMarkdown(String html, long postId, Images images, Consumer<String> warn) {
    String normalized = html.replace("\r\n", "\n").replace('\r', '\n');
    boolean blocks = normalized.contains("<!-- wp:");
    String body = BLOCK_COMMENTS.matcher(normalized).replaceAll("\n\n");
    body = Shortcodes.expand(body, postId, images, warn);
    if (!blocks) {
      body = impliedParagraphs(body);
    }
    Document document = Jsoup.parseBodyFragment(body);
    return new MarkdownWriter(images, warn).write(document.body());
  }

  /**
   * What WordPress's wpautop does when it shows a classic post: text separated by a blank line is a
   * paragraph and a single newline a line break, unless the chunk is already a block element.
   */
  static String impliedParagraphs(String html) {
    List<String> out = new ArrayList<>();
    for (String chunk : BLANK_LINES.split(html)) {
      String trimmed = chunk.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (STARTS_WITH_BLOCK.matcher(trimmed).find()) {
        out.add(trimmed);
      } else {
        out.add("<p>" + trimmed.replace("\n", "<br>\n") + "</p>");
      }
    }
    return String.join("\n\n", out);
  }
}
