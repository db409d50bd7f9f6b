package org.tamizdat.web;

/** Thrown by a handler to answer with an error page: 400 for bad input, 404 for nothing there. */
public final class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String why) {
    super(why, null, false, false);
    this.status = status;
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
