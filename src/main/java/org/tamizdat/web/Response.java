package org.tamizdat.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response. Pages are small and rendered whole, which is what lets the cache keep the
 * exact bytes (and their gzip form) and answer later requests on the I/O thread.
 */
public final class Response {
  public static final String HTML = "text/html; charset=utf-8";
  public static final String TEXT = "text/plain; charset=utf-8";

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean cacheable;

  private Response(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  public static Response of(int status, String contentType, byte[] body) {
    return new Response(status, contentType, body);
  }

  public static Response html(int status, byte[] body) {
    return new Response(status, HTML, body);
  }

  public static Response text(int status, String body) {
    return new Response(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  public static Response redirect(int status, String location) {
    return new Response(status, TEXT, new byte[0]).header("Location", location);
  }

  public Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Marks a public page the page cache may keep until content changes. */
  public Response cacheable() {
    this.cacheable = true;
    return this;
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public boolean isCacheable() {
    return cacheable && status == 200;
  }
}
