package org.tamizdat.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.app.App;
import org.tamizdat.config.ConfigLoader;
import org.tamizdat.demo.DemoContent;
import org.tamizdat.ticker.Quote;

/**
 * The whole application on a free port, with the demo newsroom loaded, plus a small HTTP client.
 */
public final class TestApp implements AutoCloseable {
  private final App app;
  private final TestDatabase database;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestApp(App app, TestDatabase database) {
    this.app = app;
    this.database = database;
  }

  /**
   * Starts on SQLite in {@code dir}; {@code settings} are extra TAMIZDAT_* names without prefix.
   */
  public static TestApp start(Path dir, Map<String, String> settings) {
    return start(dir, TestDatabase.sqlite(dir), settings);
  }

  public static TestApp start(Path dir, TestDatabase database, Map<String, String> settings) {
    return start(dir, database, settings, Clock.systemUTC());
  }

  /** With a clock the test controls (see {@link MutableClock}). */
  public static TestApp start(
      Path dir, TestDatabase database, Map<String, String> settings, Clock clock) {
    return start(dir, database, settings, clock, true);
  }

  /**
   * Another node on a database a first node has loaded: its own data dir and port, no demo load.
   * Pass {@link TestDatabase#sharedByAnotherNode()} so closing it keeps the schema.
   */
  public static TestApp join(Path dir, TestDatabase shared, Map<String, String> settings) {
    return start(dir, shared, settings, Clock.systemUTC(), false);
  }

  private static TestApp start(
      Path dir,
      TestDatabase database,
      Map<String, String> settings,
      Clock clock,
      boolean loadDemo) {
    Map<String, String> env = new HashMap<>();
    env.put("TAMIZDAT_DATA_DIR", dir.toString());
    env.put("TAMIZDAT_DB_URL", database.url());
    // A real free port rather than 0, so canonical and hreflang links carry the port readers use.
    int port = freePort();
    env.put("TAMIZDAT_HTTP_PORT", String.valueOf(port));
    // Tests never reach the internet; those about fetching point the URLs at local servers.
    env.put("TAMIZDAT_TICKER_FETCH", "off");
    settings.forEach((k, v) -> env.put("TAMIZDAT_" + k, v));
    App app = new App(ConfigLoader.load(env, Optional.empty(), DemoContent.defaults()), clock);
    try {
      if (loadDemo) {
        app.loadDemo();
      }
      app.serve();
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    return new TestApp(app, database);
  }

  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces an instrument's history with one value, e.g. an old one to show the stale mark. */
  public void setTicker(String code, LocalDate day, String value) {
    app.database()
        .write(h ->
            h.createUpdate("DELETE FROM ticker_quote WHERE code = :code")
                .bind("code", code)
                .execute());
    app.tickers().record(List.of(Quote.onDay(code, day, new BigDecimal(value), "test")));
    app.changed();
  }

  public App app() {
    return app;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** GET with optional header pairs: get("/en/", "Accept-Encoding", "gzip"). */
  public HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, headers);
  }

  public HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST of a form-encoded body ({@code "email=a%40b.org&website="}) with optional headers. */
  public HttpResponse<String> post(String path, String form, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return exchange(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    database.close();
  }
}
