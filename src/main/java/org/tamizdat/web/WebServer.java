package org.tamizdat.web;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tamizdat.config.WebLimits;

/** The HTTP server: Undertow with our front handler. The only class that starts Undertow. */
public final class WebServer implements AutoCloseable {
  private final Undertow undertow;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  public WebServer(
      String host,
      int port,
      Router router,
      PageCache cache,
      Assets assets,
      ErrorPages errors,
      boolean accessLog,
      Optional<URI> onionUrl,
      Clock clock,
      WebLimits limits) {
    Front front =
        new Front(
            new Dispatcher(router, errors),
            cache,
            assets,
            new OnionLocation(onionUrl),
            new AccessLog(accessLog),
            workers,
            clock);
    this.undertow =
        Undertow.builder()
            .addHttpListener(port, host)
            .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .setWorkerThreads(2)
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 1024L * 1024)
            .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
            .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
            .setServerOption(UndertowOptions.MAX_HEADERS, 100)
            // A client that sends its head slowly (slowloris) is cut off after requestTimeout;
            // one that holds a connection without asking, after idleTimeout.
            .setServerOption(
                UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.requestTimeout().toMillis())
            .setServerOption(
                UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.idleTimeout().toMillis())
            .setServerOption(UndertowOptions.IDLE_TIMEOUT, (int) limits.idleTimeout().toMillis())
            .setHandler(front)
            .build();
  }

  public void start() {
    undertow.start();
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    undertow.stop();
    workers.shutdownNow();
  }
}
