package org.tamizdat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 standing in for an upstream (CBR, MOEX): it answers each path
 * with a {@link Reply} built from our fixture files, and remembers what was asked.
 */
public final class FixtureServer implements AutoCloseable {
  /** How to answer one request. */
  @FunctionalInterface
  public interface Reply {
    void answer(HttpExchange exchange) throws IOException;

    static Reply bytes(int status, String contentType, byte[] body) {
      return ex -> {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      };
    }

    /** A file under {@code src/test/resources/ticker/}. */
    static Reply file(String name) {
      String type =
          name.endsWith(".json")
              ? "application/json"
              : name.endsWith(".html") ? "text/html; charset=utf-8" : "application/xml";
      return bytes(200, type, resource("ticker/" + name));
    }

    static Reply status(int status) {
      return bytes(status, "text/plain", ("status " + status).getBytes());
    }

    /** Answers only after {@code delay}: an upstream that hangs. */
    static Reply after(Duration delay, Reply reply) {
      return ex -> {
        sleep(delay);
        reply.answer(ex);
      };
    }

    /** Sends {@code body} one byte at a time, {@code gap} apart, without a length. */
    static Reply trickle(byte[] body, Duration gap) {
      return ex -> {
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
          for (byte b : body) {
            out.write(b);
            out.flush();
            sleep(gap);
          }
        }
      };
    }

    /** {@code size} bytes of XML-looking filler, with or without a Content-Length. */
    static Reply huge(int size, boolean declareLength) {
      return ex -> {
        ex.sendResponseHeaders(200, declareLength ? size : 0);
        byte[] chunk = "<Valute></Valute>\n".repeat(512).getBytes();
        try (OutputStream out = ex.getResponseBody()) {
          for (int sent = 0; sent < size; sent += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, size - sent));
          }
        } catch (IOException clientGaveUp) {
          // Expected: the client stops reading past its cap.
        }
      };
    }

    /** The n-th request gets the n-th reply; later ones get the last. */
    static Reply inTurn(Reply... replies) {
      AtomicInteger next = new AtomicInteger();
      return ex -> replies[Math.min(next.getAndIncrement(), replies.length - 1)].answer(ex);
    }

    /** Chooses by the query string (e.g. CBR's {@code date_req}). */
    static Reply byQuery(Function<String, Reply> choose) {
      return ex -> choose.apply(String.valueOf(ex.getRequestURI().getQuery())).answer(ex);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();

  public FixtureServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext(
        "/",
        ex -> {
          requests.add(ex);
          Reply reply = replies.getOrDefault(ex.getRequestURI().getPath(), Reply.status(404));
          try {
            reply.answer(ex);
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  public FixtureServer serve(String path, Reply reply) {
    replies.put(path, reply);
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int hits(String path) {
    return (int) requests.stream().filter(r -> r.getRequestURI().getPath().equals(path)).count();
  }

  public List<HttpExchange> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  public static byte[] resource(String path) {
    try (InputStream in = FixtureServer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
