package org.tamizdat.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a path against patterns such as {@code /{lang}/{year}/{month}/{day}/{slug}}: literal
 * segments must be equal, {@code {name}} captures one non-empty segment. First match wins.
 */
public final class Router {
  private record Entry(String method, String[] segments, Route route) {}

  /** A matched route with its captured segments. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Body limits of routes that accept more than a small form (uploads), by route. */
  private final Map<Route, Long> bodyLimits = new java.util.IdentityHashMap<>();

  public Router get(String pattern, Route route) {
    entries.add(new Entry("GET", split(pattern), route));
    return this;
  }

  public Router post(String pattern, Route route) {
    entries.add(new Entry("POST", split(pattern), route));
    return this;
  }

  /**
   * A POST route whose body may be up to {@code maxBodyBytes} (an upload form); other POST bodies
   * are capped at {@link FormBody#MAX_BYTES}.
   */
  public Router post(String pattern, Route route, long maxBodyBytes) {
    post(pattern, route);
    bodyLimits.put(route, maxBodyBytes);
    return this;
  }

  /** The body limit a POST route for {@code path} declared (an upload), if any. */
  java.util.OptionalLong declaredMaxBody(String path) {
    return match("POST", path)
        .map(m -> bodyLimits.get(m.route()))
        .map(java.util.OptionalLong::of)
        .orElse(java.util.OptionalLong.empty());
  }

  /** Appends every route of {@code other}, after this router's own (first match wins). */
  public Router addAll(Router other) {
    entries.addAll(other.entries);
    bodyLimits.putAll(other.bodyLimits);
    return this;
  }

  /** The route for a GET or HEAD (answered like GET), or for another method. */
  public Optional<Match> match(String method, String path) {
    String effective = method.equals("HEAD") ? "GET" : method;
    String[] parts = split(path);
    for (Entry entry : entries) {
      if (entry.method.equals(effective)) {
        Map<String, String> params = capture(entry.segments, parts);
        if (params != null) {
          return Optional.of(new Match(entry.route, params));
        }
      }
    }
    return Optional.empty();
  }

  /** The methods some route accepts for this path, for 405 answers; empty when none. */
  public Set<String> allowedMethods(String path) {
    String[] parts = split(path);
    Set<String> methods = new TreeSet<>();
    for (Entry entry : entries) {
      if (capture(entry.segments, parts) != null) {
        methods.add(entry.method);
        if (entry.method.equals("GET")) {
          methods.add("HEAD");
        }
      }
    }
    return methods;
  }

  private static Map<String, String> capture(String[] pattern, String[] parts) {
    if (pattern.length != parts.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      boolean isCapture = p.startsWith("{") && p.endsWith("}");
      if (isCapture && !parts[i].equals("/")) {
        params.put(p.substring(1, p.length() - 1), parts[i]);
      } else if (!p.equals(parts[i])) {
        return null;
      }
    }
    return params;
  }

  /** Splits on '/', keeping a trailing "/" marker so /en and /en/ are different paths. */
  private static String[] split(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    if (path.endsWith("/") && path.length() > 1) {
      out.add("/");
    }
    return out.toArray(String[]::new);
  }
}
