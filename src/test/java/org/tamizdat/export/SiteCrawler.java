package org.tamizdat.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crawls a site from some start paths, following every reference on its own origin, and records
 * references elsewhere. A reference is a URL in an {@code href}, {@code src}, {@code srcset},
 * {@code action} or {@code poster} attribute, in the content of OpenGraph, Twitter and
 * onion-location meta tags, in JSON-LD, or anywhere in a feed, sitemap, robots.txt or stylesheet.
 * Text on a page (an address shown in {@code <code>}) is not a reference, and neither are the
 * addresses in {@code /mirrors.json}: they are its data, for apps.
 */
final class SiteCrawler {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String origin;
  private final String onion;

  /** Path to response, for every page reached. */
  final Map<String, HttpResponse<byte[]>> reached = new TreeMap<>();

  /** "where: what" for each broken link and each reference to another origin. */
  final List<String> problems = new ArrayList<>();

  /**
   * @param onion the only other origin a page may name, and only in its onion-location meta tag
   */
  SiteCrawler(String origin, String onion) {
    this.origin = origin;
    this.onion = onion;
  }

  SiteCrawler crawl(List<String> starts) {
    Deque<String> queue = new ArrayDeque<>(starts);
    Set<String> seen = new LinkedHashSet<>(starts);
    while (!queue.isEmpty()) {
      String path = queue.poll();
      HttpResponse<byte[]> response = get(path);
      if (response.statusCode() == 302 && path.equals("/")) {
        enqueue(path, response.headers().firstValue("Location").orElse(""), queue, seen);
        continue;
      }
      if (response.statusCode() != 200) {
        problems.add(path + ": answered " + response.statusCode());
        continue;
      }
      reached.put(path, response);
      String type = response.headers().firstValue("Content-Type").orElse("");
      for (String ref : references(path, type, response.body())) {
        enqueue(path, ref, queue, seen);
      }
    }
    return this;
  }

  private void enqueue(String from, String ref, Deque<String> queue, Set<String> seen) {
    URI uri = URI.create(origin + from).resolve(ref.replace(" ", "%20"));
    if (uri.getScheme() != null && !uri.getScheme().startsWith("http")) {
      return; // mailto: and the like fetch nothing
    }
    String target = uri.getScheme() + "://" + uri.getRawAuthority();
    if (!target.equals(origin)) {
      problems.add(from + ": refers to another origin: " + ref);
    } else if (uri.getRawQuery() != null) {
      problems.add(from + ": a query string no static host can serve: " + ref);
    } else if (seen.add(uri.getRawPath())) {
      queue.add(uri.getRawPath());
    }
  }

  HttpResponse<byte[]> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(origin + path)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> references(String path, String type, byte[] body) {
    if (path.equals("/mirrors.json")) {
      return List.of();
    }
    if (type.startsWith("text/html")) {
      return htmlReferences(path, Jsoup.parse(new String(body, StandardCharsets.UTF_8)));
    }
    if (type.startsWith("image/") || type.startsWith("application/octet-stream")) {
      return List.of();
    }
    String text = new String(body, StandardCharsets.UTF_8);
    List<String> refs = new ArrayList<>(References.in(body));
    if (type.startsWith("text/css")) {
      Matcher m = CSS_URL.matcher(text);
      while (m.find()) {
        refs.add(m.group(1));
      }
    }
    return refs;
  }

  private static final java.util.regex.Pattern LIVE_ONLY =
      java.util.regex.Pattern.compile("(https?://[^/]+)?/(en|ru)/(search|subscribe)");

  private List<String> htmlReferences(String path, Document page) {
    List<String> refs = new ArrayList<>();
    for (Element el : page.select("[href], [src], [action], [poster]")) {
      for (String attr : List.of("href", "src", "action", "poster")) {
        // The header's search box and the footer's subscribe form post to the live site only:
        // neither the search nor the newsletter pages are exported.
        if (el.hasAttr(attr)
            && !(attr.equals("action") && LIVE_ONLY.matcher(el.attr(attr)).matches())) {
          refs.add(el.attr(attr));
        }
      }
    }
    for (Element el : page.select("[srcset]")) {
      for (String candidate : el.attr("srcset").split(",")) {
        refs.add(candidate.strip().split("\\s+")[0]);
      }
    }
    for (Element meta :
        page.select("meta[property^=og:], meta[property^=article:], meta[name^=twitter:]")) {
      String content = meta.attr("content");
      if (content.matches("^(https?:)?//.*|^/.*")) {
        refs.add(content);
      }
    }
    for (Element meta : page.select("meta[http-equiv=onion-location]")) {
      if (!meta.attr("content").equals(onion + path)) {
        problems.add(path + ": onion-location is " + meta.attr("content"));
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      collectUrls(JSON.readTree(script.data()), refs);
    }
    return refs;
  }

  private static void collectUrls(JsonNode node, List<String> into) {
    if (node.isString()
        && node.asString().matches("^(https?:)?//.*|^/.*")
        && !References.isVocabulary(node.asString())) {
      into.add(node.asString());
    }
    node.forEach(child -> collectUrls(child, into));
  }
}
