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

  /**
   * Sends every due row; {@code progress} hears the running total after each batch. Each copy is
   * rendered (and signed) by its worker while the server answers the commands before it: the
   * signing fills the wait for the network, and no copy changes threads. Platform threads, as many
   * as the concurrency: signing is CPU work, which virtual threads would pin to their carriers.
   */
  public Result run(Consumer<Result> progress) {
    Run run = new Run(progress, new Pacer(ratePerSecond), new ConcurrentHashMap<>());
    try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
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
    private Result total = new Result(0, 0, 0);

    Run(Consumer<Result> progress, Pacer pacer, Map<Long, DigestMessages.Template> templates) {
      this.progress = progress;
      this.pacer = pacer;
      this.templates = templates;
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
   * Claims a batch, sends it over this worker's connection and records the answers; then the next.
   * Only the batch being sent can have reached subscribers unrecorded: the in-flight window is one
   * batch per worker.
   */
  private Void work(Run run) throws InterruptedException {
    try (SmtpSender sender = smtp.get()) {
      for (List<Outbox.Claim> claims = claim(); !claims.isEmpty(); claims = claim()) {
        List<SmtpSender.Envelope> envelopes = new ArrayList<>(claims.size());
        for (Outbox.Claim claim : claims) {
          DigestMessages.Template template = template(run, claim.digestId());
          envelopes.add(
              new SmtpSender.Envelope(
                  claim.subscriber().email(),
                  () -> template.render(claim.subscriber(), clock.millis())));
        }
        record(claims, sender.send(envelopes, run.pacer::await), run);
      }
      return null;
    }
  }

  private List<Outbox.Claim> claim() {
    long now = clock.millis();
    return outbox.claim(BATCH, now, now + lease.toMillis());
  }

  private DigestMessages.Template template(Run run, long digestId) {
    return run.templates.computeIfAbsent(
        digestId,
        id -> messages.template(id, database.read(h -> digests.content(h, id)).orElseThrow()));
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
}
