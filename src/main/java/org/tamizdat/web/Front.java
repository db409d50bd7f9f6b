package org.tamizdat.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler every request meets. On the I/O thread it answers what needs no database —
 * cached pages, 304s and assets; everything else goes to a virtual thread, so a slow query never
 * holds up the event loop.
 */
final class Front implements HttpHandler {
  static final int MAX_URI = 512;
  static final int MAX_QUERY = 1024;
  private static final Logger log = LoggerFactory.getLogger(Front.class);
  private static final String PAGE_CACHE_CONTROL = "public, no-cache";
  private static final String ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";

  private final Dispatcher dispatcher;
  private final PageCache cache;
  private final Assets assets;
  private final OnionLocation onionLocation;
  private final AccessLog accessLog;
  private final Executor workers;
  private final Clock clock;
  private final ClientKeys clientKeys;

  /**
   * Large bodies (uploads) are read whole into memory before the handler can check who sent them:
   * at most this many at once, so a flood of anonymous uploads cannot exhaust the heap.
   */
  static final int LARGE_BODIES_AT_ONCE = 2;

  private final Semaphore largeBodies = new Semaphore(LARGE_BODIES_AT_ONCE);

  Front(
      Dispatcher dispatcher,
      PageCache cache,
      Assets assets,
      OnionLocation onionLocation,
      AccessLog accessLog,
      Executor workers,
      Clock clock) {
    this.dispatcher = dispatcher;
    this.cache = cache;
    this.assets = assets;
    this.onionLocation = onionLocation;
    this.accessLog = accessLog;
    this.workers = workers;
    this.clock = clock;
    this.clientKeys = new ClientKeys(clock);
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    long start = System.nanoTime();
    SecurityHeaders.apply(ex.getResponseHeaders());
    onionLocation.apply(ex.getResponseHeaders(), ex.getRequestURI(), ex.getQueryString());
    boolean read =
        ex.getRequestMethod().equals(Methods.GET) || ex.getRequestMethod().equals(Methods.HEAD);
    if (read && !tooLong(ex)) {
      String path = ex.getRequestPath();
      CachedPage page =
          path.startsWith("/assets/")
              ? assets.find(path.substring("/assets/".length()))
              : isAdmin(path) ? null : cache.get(key(ex));
      if (page != null) {
        send(ex, page, path.startsWith("/assets/") ? ASSET_CACHE_CONTROL : PAGE_CACHE_CONTROL);
        accessLog.record(ex.getRequestMethod().toString(), path, ex.getStatusCode(), start);
        return;
      }
    }
    if (ex.getRequestMethod().equals(Methods.POST)) {
      receiveForm(ex, start);
      return;
    }
    ex.dispatch(workers, () -> handleOnWorker(ex, start, new byte[0]));
  }

  /**
   * Reads a POST body without blocking the I/O thread, capped at {@link FormBody#MAX_BYTES} (or the
   * route's own limit, for uploads), then continues on a worker like any other request.
   */
  private void receiveForm(HttpServerExchange ex, long start) {
    // Uploads declare their own limit; the admin's editor posts whole articles; public forms stay
    // small.
    java.util.OptionalLong declared = dispatcher.declaredMaxBody(ex.getRequestPath());
    long max =
        declared.orElse(
            isAdmin(ex.getRequestPath()) ? FormBody.MAX_ADMIN_BYTES : FormBody.MAX_BYTES);
    if (ex.getRequestContentLength() > max) {
      // The body is left unread, so the connection cannot carry another request.
      sendResponse(ex, Response.text(413, "Request body too large").header("Connection", "close"));
      return;
    }
    if (declared.isPresent()) {
      if (!largeBodies.tryAcquire()) {
        sendResponse(
            ex,
            Response.text(503, "Too many uploads at once; try again in a minute")
                .header("Retry-After", "60")
                .header("Connection", "close"));
        return;
      }
      // Released when the exchange ends, whichever way: answered, failed or dropped by the client.
      AtomicBoolean held = new AtomicBoolean(true);
      ex.addExchangeCompleteListener((exchange, next) -> {
        if (held.getAndSet(false)) {
          largeBodies.release();
        }
        next.proceed();
      });
    }
    if (max > FormBody.MAX_BYTES) {
      ex.setMaxEntitySize(max);
    }
    ex.getRequestReceiver().setMaxBufferSize((int) max);
    ex.getRequestReceiver()
        .receiveFullBytes(
            (exchange, body) -> exchange.dispatch(workers, () -> handleOnWorker(ex, start, body)),
            (exchange, error) -> {
              if (!exchange.isResponseStarted()) {
                sendResponse(exchange, Response.text(413, "Request body too large"));
              }
            });
  }

  /**
   * Renders on a virtual thread, then hands the writing back to the exchange's I/O thread: writing
   * from the worker makes Undertow's read listener spin on the I/O thread, which on a two-core
   * machine steals the CPU the next render needs.
   */
  private void handleOnWorker(HttpServerExchange ex, long start, byte[] body) {
    String method = ex.getRequestMethod().toString();
    String path = ex.getRequestPath();
    Request request =
        new Request(
            method, path, ex.getQueryParameters(), name -> ex.getRequestHeaders().getFirst(name));
    Runnable answer;
    try {
      String contentType = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
      if (body.length > 0 && MultipartBody.accepts(contentType)) {
        MultipartBody parts = MultipartBody.parse(contentType, body);
        request.form(parts.fields);
        request.uploads(parts.files);
      } else if (body.length > 0) {
        request.form(FormBody.parse(contentType, body));
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        request.clientKey(clientKeys.of(ex.getSourceAddress()));
      }
      answer =
          tooLong(ex)
              ? () -> sendResponse(ex, dispatcher.errorPage(request, 414))
              : route(ex, request);
    } catch (HttpError e) {
      Response error = dispatcher.errorPage(request, e.status());
      answer = () -> sendResponse(ex, error);
    } catch (RuntimeException e) {
      log.error("failed to answer {} {}", method, path, e);
      answer = () -> sendResponse(ex, Response.text(500, "Internal error"));
    }
    Runnable write = answer;
    ex.dispatch(
        ex.getIoThread(),
        () -> {
          write.run();
          accessLog.record(method, path, ex.getStatusCode(), start);
        });
  }

  private Runnable route(HttpServerExchange ex, Request request) {
    // Read before rendering: a page rendered while content changes is stored with the old epoch.
    long epoch = cache.epoch();
    Response response = dispatcher.answer(request);
    if (response.isCacheable() && !isAdmin(request.path())) {
      boolean compress = cache.enabled() || acceptsGzip(ex);
      CachedPage page =
          cache.put(key(ex), CachedPage.of(response, epoch, clock.millis(), compress));
      return () -> send(ex, page, PAGE_CACHE_CONTROL);
    }
    return () -> sendResponse(ex, response);
  }

  /** Admin pages are per person: never looked up in, nor stored into, the shared page cache. */
  static boolean isAdmin(String path) {
    return path.equals("/admin") || path.startsWith("/admin/");
  }

  private static boolean tooLong(HttpServerExchange ex) {
    return ex.getRequestURI().length() > MAX_URI || ex.getQueryString().length() > MAX_QUERY;
  }

  private static String key(HttpServerExchange ex) {
    String query = ex.getQueryString();
    return query.isEmpty() ? ex.getRequestPath() : ex.getRequestPath() + "?" + query;
  }

  private static boolean acceptsGzip(HttpServerExchange ex) {
    String accept = ex.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING);
    return accept != null && accept.contains("gzip");
  }

  private static void send(HttpServerExchange ex, CachedPage page, String cacheControl) {
    HeaderMap headers = ex.getResponseHeaders();
    page.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
    boolean gzip = page.gzipBody() != null && acceptsGzip(ex);
    String etag = gzip ? page.gzipEtag() : page.etag();
    headers.put(Headers.CONTENT_TYPE, page.contentType());
    headers.put(Headers.ETAG, etag);
    headers.put(Headers.LAST_MODIFIED, page.lastModifiedHttp());
    headers.put(Headers.CACHE_CONTROL, cacheControl);
    headers.put(Headers.VARY, "Accept-Encoding");
    if (Conditional.notModified(ex.getRequestHeaders(), page)) {
      ex.setStatusCode(304);
      ex.endExchange();
      return;
    }
    ByteBuffer body = (gzip ? page.gzipBody() : page.body()).duplicate();
    if (gzip) {
      headers.put(Headers.CONTENT_ENCODING, "gzip");
    }
    ex.setStatusCode(200);
    headers.put(Headers.CONTENT_LENGTH, body.remaining());
    if (ex.getRequestMethod().equals(Methods.HEAD)) {
      ex.endExchange();
    } else {
      ex.getResponseSender().send(body);
    }
  }

  private static void sendResponse(HttpServerExchange ex, Response response) {
    HeaderMap headers = ex.getResponseHeaders();
    headers.put(Headers.CONTENT_TYPE, response.contentType());
    headers.put(Headers.CACHE_CONTROL, "no-store");
    response.headers().forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
    ex.setStatusCode(response.status());
    headers.put(Headers.CONTENT_LENGTH, response.body().length);
    if (ex.getRequestMethod().equals(Methods.HEAD)) {
      ex.endExchange();
    } else {
      ex.getResponseSender().send(ByteBuffer.wrap(response.body()));
    }
  }
}
