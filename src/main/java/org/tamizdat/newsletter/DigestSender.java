package org.tamizdat.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tamizdat.db.Database;

/**
 * Sends what the outbox holds with {@code concurrency} workers, each over its own reused SMTP
 * connection, paced to the rate limit. A row is marked sent only after the server accepted the
 * message (accepted rows of a batch together); a crash before that leaves the rows claimed until
 * their lease ends, and they are sent again, with the same Message-IDs: at most one batch per
 * worker.
 */
public final class DigestSender {
  static final int BATCH = 50;

  /** Back-off after a 4xx reply, by attempt; after the last one the row fails. */
  static final List<Duration> RETRY_AFTER =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6));

  /** How a run ended: rows sent, rows waiting for a retry, rows that failed for good. */
  public record Result(int sent, int retrying, int failed) {
    Result plus(Result o) {
      return new Result(sent + o.sent, retrying + o.retrying, failed + o.failed);
    }
  }

  private final Database database;
  private final Outbox outbox;
  private final DigestRepository digests;
  private final DigestMessages messages;
  private final Supplier<SmtpSender> smtp;
  private final int bounceLimit;
  private final Duration lease;
  private final int concurrency;
  private final double ratePerSecond;
  private final Clock clock;

  public DigestSender(
      Database database,
      Outbox outbox,
      DigestRepository digests,
      DigestMessages messages,
      Supplier<SmtpSender> smtp,
      int bounceLimit,
      Duration lease,
      int concurrency,
      double ratePerSecond,
      Clock clock) {
    this.database = database;
    this.outbox = outbox;
    this.digests = digests;
    this.messages = messages;
    this.smtp = smtp;
    this.bounceLimit = bounceLimit;
    this.lease = lease;
    this.concurrency = concurrency;
    this.ratePerSecond = ratePerSecond;
    this.clock = clock;
  }

  /** Sends every due row; {@code progress} hears the running total after each batch. */
  public Result run(Consumer<Result> progress) {
    // Signing is CPU work: platform threads, one per core, beside the virtual threads that wait
    // for the SMTP server. Without signing, rendering is cheap and stays on the worker.
    int signers = messages.signs() ? Runtime.getRuntime().availableProcessors() : 0;
    ExecutorService signing =
        signers > 0 ? Executors.newFixedThreadPool(signers) : new DirectExecutor();
    Run run = new Run(progress, new Pacer(ratePerSecond), new ConcurrentHashMap<>(), signing);
    try (signing;
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        running.add(workers.submit(() -> work(run)));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a sending worker failed", e.getCause());
    }
    return run.total();
  }

  /** One send's shared state: the running total, the pacer, the digests prepared so far. */
  private static final class Run {
    private final Consumer<Result> progress;
    private final Pacer pacer;
    private final Map<Long, DigestMessages.Template> templates;
    private final ExecutorService signing;
    private Result total = new Result(0, 0, 0);

    Run(
        Consumer<Result> progress,
        Pacer pacer,
        Map<Long, DigestMessages.Template> templates,
        ExecutorService signing) {
      this.progress = progress;
      this.pacer = pacer;
      this.templates = templates;
      this.signing = signing;
    }

    synchronized void add(Result batch) {
      total = total.plus(batch);
      progress.accept(total);
    }

    synchronized Result total() {
      return total;
    }
  }

  /**
   * A claimed batch whose messages are being rendered and signed, all by one task: a future per
   * message woke the waiting worker a hundred thousand times a send.
   */
  private record Batch(List<Outbox.Claim> claims, Future<List<RawMessage>> messages) {}

  /**
   * Claims a batch and sends it over this worker's connection while the next batch is being signed;
   * records the answers. A worker holds at most two batches, and only the one being sent can have
   * reached subscribers unrecorded: the in-flight window stays one batch per worker.
   */
  private Void work(Run run) throws InterruptedException, ExecutionException {
    try (SmtpSender sender = smtp.get()) {
      Batch next = claim(run);
      while (next != null) {
        Batch current = next;
        List<RawMessage> signed = current.messages().get();
        List<SmtpSender.Envelope> envelopes = new ArrayList<>(current.claims().size());
        for (int i = 0; i < current.claims().size(); i++) {
          envelopes.add(
              new SmtpSender.Envelope(current.claims().get(i).subscriber().email(), signed.get(i)));
        }
        next = claim(run);
        record(current.claims(), sender.send(envelopes, run.pacer::await), run);
      }
      return null;
    }
  }

  private Batch claim(Run run) {
    long now = clock.millis();
    List<Outbox.Claim> claims = outbox.claim(BATCH, now, now + lease.toMillis());
    if (claims.isEmpty()) {
      return null;
    }
    List<DigestMessages.Template> templates = new ArrayList<>(claims.size());
    for (Outbox.Claim claim : claims) {
      templates.add(
          run.templates.computeIfAbsent(
              claim.digestId(),
              id ->
                  messages.template(id, database.read(h -> digests.content(h, id)).orElseThrow())));
    }
    Future<List<RawMessage>> rendered =
        run.signing.submit(() -> {
          List<RawMessage> copies = new ArrayList<>(claims.size());
          for (int i = 0; i < claims.size(); i++) {
            copies.add(templates.get(i).render(claims.get(i).subscriber(), clock.millis()));
          }
          return copies;
        });
    return new Batch(claims, rendered);
  }

  private void record(List<Outbox.Claim> claims, List<SmtpReply> replies, Run run) {
    List<Outbox.Claim> accepted = new ArrayList<>();
    int retrying = 0;
    int failed = 0;
    long at = clock.millis();
    for (int i = 0; i < claims.size(); i++) {
      Outbox.Claim claim = claims.get(i);
      SmtpReply reply = replies.get(i);
      if (reply.accepted()) {
        accepted.add(claim);
      } else if (reply.permanent()) {
        outbox.markFailed(claim, reply, at, bounceLimit);
        failed++;
      } else {
        boolean giveUp = claim.attempts() >= RETRY_AFTER.size();
        Duration wait = RETRY_AFTER.get(Math.min(claim.attempts(), RETRY_AFTER.size() - 1));
        outbox.markRetry(claim, reply, at + wait.toMillis(), giveUp);
        if (giveUp) {
          failed++;
        } else {
          retrying++;
        }
      }
    }
    outbox.markSent(accepted, clock.millis());
    run.add(new Result(accepted.size(), retrying, failed));
  }

  /** Runs each task at once on the caller's thread (rendering without signing is cheap). */
  private static final class DirectExecutor extends java.util.concurrent.AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
      return true;
    }
  }
}
