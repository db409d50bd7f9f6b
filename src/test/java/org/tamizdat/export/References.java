package org.tamizdat.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Absolute URLs in exported text, for checking where an export's pages point. Vocabulary
 * identifiers (XML namespaces, schema.org, the JSON Feed version) are names, not links, and are
 * left out.
 */
final class References {
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)\\\\]+");
  private static final List<String> VOCABULARIES =
      List.of(
          "http://www.w3.org/",
          "http://www.sitemaps.org/schemas/",
          "http://www.google.com/schemas/sitemap-news/",
          "http://purl.org/",
          "https://schema.org",
          "https://jsonfeed.org/version/");

  private References() {}

  static boolean isText(String file) {
    return file.matches(".*\\.(html|xml|atom|rss|json|txt|css|js)$");
  }

  static List<String> in(byte[] bytes) {
    List<String> urls = new ArrayList<>();
    Matcher m = URL.matcher(new String(bytes, StandardCharsets.UTF_8));
    while (m.find()) {
      String url = m.group();
      if (!isVocabulary(url)) {
        urls.add(url);
      }
    }
    return urls;
  }

  static boolean isVocabulary(String url) {
    return VOCABULARIES.stream().anyMatch(url::startsWith);
  }

  /** The scheme, host and port of an absolute URL. */
  static String origin(String url) {
    int slash = url.indexOf('/', url.indexOf("://") + 3);
    return slash < 0 ? url : url.substring(0, slash);
  }
}
