package org.tamizdat.web;

import io.undertow.util.DateUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered page kept with everything needed to answer from memory: the bytes, their gzip form, a
 * strong ETag per encoding, and the content epoch it was rendered in.
 */
public record CachedPage(
    String contentType,
    ByteBuffer body,
    ByteBuffer gzipBody,
    String etag,
    String gzipEtag,
    long lastModifiedMillis,
    String lastModifiedHttp,
    long epoch,
    Map<String, String> headers) {

  private static final int MIN_GZIP_BYTES = 512;

  public static CachedPage of(Response response, long epoch, long renderedAtMillis) {
    return of(response, epoch, renderedAtMillis, true);
  }

  /** {@code compress} false skips the gzip form (uncached pages for clients without gzip). */
  public static CachedPage of(
      Response response, long epoch, long renderedAtMillis, boolean compress) {
    byte[] body = response.body();
    String tag = hash(body);
    byte[] gzip = compress && body.length >= MIN_GZIP_BYTES ? gzip(body) : null;
    return new CachedPage(
        response.contentType(),
        ByteBuffer.wrap(body).asReadOnlyBuffer(),
        gzip == null ? null : ByteBuffer.wrap(gzip).asReadOnlyBuffer(),
        "\"" + tag + "\"",
        "\"" + tag + "-gz\"",
        renderedAtMillis / 1000 * 1000,
        httpDate(renderedAtMillis),
        epoch,
        Map.copyOf(response.headers()));
  }

  /** Keeps the older Last-Modified when a re-render produced the very same bytes. */
  public CachedPage since(CachedPage previous) {
    if (previous == null || !previous.etag.equals(etag)) {
      return this;
    }
    return new CachedPage(
        contentType,
        body,
        gzipBody,
        etag,
        gzipEtag,
        previous.lastModifiedMillis,
        previous.lastModifiedHttp,
        epoch,
        headers);
  }

  public int weight() {
    return body.capacity() + (gzipBody == null ? 0 : gzipBody.capacity()) + 256;
  }

  /** Formatted once per page: the date formatter is too slow for every cache hit. */
  private static String httpDate(long millis) {
    return DateUtils.toDateString(new Date(millis));
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
