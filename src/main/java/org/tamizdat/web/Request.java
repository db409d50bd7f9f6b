package org.tamizdat.web;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a handler may know about a request. Undertow stays behind this: handlers never see the
 * exchange, and the client's address is deliberately not part of it (we keep no reader IPs).
 */
public final class Request {
  private final String method;
  private final String path;
  private final Map<String, Deque<String>> query;
  private final Function<String, String> headers;
  private Map<String, String> pathParams = Map.of();
  private Map<String, List<String>> form = Map.of();
  private Map<String, List<Upload>> uploads = Map.of();
  private String clientKey = "";

  public Request(
      String method,
      String path,
      Map<String, Deque<String>> query,
      Function<String, String> headers) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** A path segment captured by the route pattern, e.g. {@code slug} in {@code /{lang}/{slug}}. */
  public String param(String name) {
    return pathParams.get(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  public Optional<String> query(String name) {
    Deque<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  public List<String> queryNames() {
    return List.copyOf(query.keySet());
  }

  /** A field of a form-encoded POST body (first value), or empty. */
  public Optional<String> form(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  void form(Map<String, List<String>> fields) {
    this.form = Map.copyOf(fields);
  }

  /** A file of a {@code multipart/form-data} POST body (the first for that field), or empty. */
  public Optional<Upload> upload(String name) {
    List<Upload> values = uploads.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  /** Every file sent under {@code name}, in order. */
  public List<Upload> uploads(String name) {
    return uploads.getOrDefault(name, List.of());
  }

  void uploads(Map<String, List<Upload>> files) {
    this.uploads = Map.copyOf(files);
  }

  /**
   * For rate limiting only: an opaque keyed hash of the client's address that rotates hourly (see
   * {@link ClientKeys}); empty for GET requests. Never log it or store it.
   */
  public String clientKey() {
    return clientKey;
  }

  void clientKey(String key) {
    this.clientKey = key;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.apply(name));
  }
}
