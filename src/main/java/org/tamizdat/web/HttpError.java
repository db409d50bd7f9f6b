package org.tamizdat.web;

/** Thrown by a handler to answer with an error page: 400 for bad input, 404 for nothing there. */
public final class HttpError extends RuntimeException {
  private final int status;
  private final java.time.Duration retryAfter;

  public HttpError(int status, String why) {
    this(status, why, null);
  }

  private HttpError(int status, String why, java.time.Duration retryAfter) {
    super(why, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** 429: the client asked too often; it may try again after {@code retryAfter}. */
  public static HttpError tooManyRequests(java.time.Duration retryAfter) {
    return new HttpError(429, "rate limited", retryAfter);
  }

  /** Whole seconds to send as Retry-After, when this error has one. */
  public java.util.Optional<Long> retryAfterSeconds() {
    return java.util.Optional.ofNullable(retryAfter)
        .map(d -> Math.max(1, (d.toMillis() + 999) / 1000));
  }

  public static HttpError notFound(String why) {
    return new HttpError(404, why);
  }

  public static HttpError badRequest(String why) {
    return new HttpError(400, why);
  }

  public int status() {
    return status;
  }
}
