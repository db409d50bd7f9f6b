package org.tamizdat.ticker;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs from public data sources, defensively: connect and total time-outs (a slow trickle counts
 * against the total, not per read), a cap on the body, and retries with doubling back-off for what
 * may pass (network errors, time-outs, 5xx, 429). The only class that talks to upstreams.
 */
public final class Upstream {
  public static final String USER_AGENT = "Tamizdat/0.1 (+https://github.com/tamizdat)";
  private static final Logger log = LoggerFactory.getLogger(Upstream.class);

  /**
   * @param readTimeout the most one attempt may take, from sending to the last body byte
   */
  public record Limits(
      Duration connectTimeout, Duration readTimeout, int maxBytes, int attempts, Duration backoff) {
    public static Limits defaults() {
      return new Limits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          2 * 1024 * 1024,
          3,
          Duration.ofSeconds(2));
    }
  }

  private final Limits limits;
  private final HttpClient client;

  public Upstream(Limits limits) {
    this.limits = limits;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The body of a 200 answer; anything else is an {@link UpstreamProblem} saying why. */
  public byte[] get(URI uri) throws UpstreamProblem {
    String last = "no attempt made";
    for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
      if (attempt > 1) {
        pause(limits.backoff().multipliedBy(1L << (attempt - 2)));
      }
      try {
        return once(uri);
      } catch (Transient e) {
        last = e.getMessage();
        log.debug("{} attempt {} failed: {}", uri.getHost(), attempt, last);
      }
    }
    throw new UpstreamProblem(
        last + (limits.attempts() > 1 ? " after " + limits.attempts() + " attempts" : ""));
  }

  /** A failure worth another attempt. */
  private static final class Transient extends Exception {
    Transient(String reason) {
      super(reason, null, false, false);
    }
  }

  private byte[] once(URI uri) throws Transient, UpstreamProblem {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(limits.readTimeout())
            .header("User-Agent", USER_AGENT)
            .GET()
            .build();
    BodyHandler<byte[]> handler =
        info ->
            info.statusCode() == 200
                ? new CappedBody(
                    limits.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1))
                : BodySubscribers.replacing(new byte[0]);
    CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, handler);
    HttpResponse<byte[]> response;
    try {
      response = call.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new Transient("no complete answer within " + seconds(limits.readTimeout()));
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new UpstreamProblem("interrupted");
    } catch (ExecutionException e) {
      throw failure(uri, e.getCause());
    }
    int status = response.statusCode();
    if (status == 200) {
      return response.body();
    }
    String reason = "HTTP " + status;
    if (status >= 500 || status == 429) {
      throw new Transient(reason);
    }
    throw new UpstreamProblem(reason);
  }

  private UpstreamProblem failure(URI uri, Throwable cause) throws Transient {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof CappedBody.TooLarge) {
        return new UpstreamProblem(c.getMessage());
      }
    }
    throw new Transient(describe(uri, cause));
  }

  private String describe(URI uri, Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "cannot connect to " + uri.getHost() + " within " + seconds(limits.connectTimeout());
    }
    if (cause instanceof HttpTimeoutException) {
      return "no complete answer within " + seconds(limits.readTimeout());
    }
    if (cause instanceof ConnectException) {
      return "cannot connect to " + uri.getHost() + ":" + port(uri);
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static void pause(Duration duration) throws UpstreamProblem {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamProblem("interrupted");
    }
  }
}
