package org.tamizdat.newsletter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.tamizdat.article.Language;
import org.tamizdat.db.Database;

/**
 * The digest commands: build this week's digest of an edition, preview it, queue it for every
 * active subscriber. The week is the seven days before today's midnight in the newsroom's zone.
 */
public final class Digests {
  /** A queued digest and how many subscribers were added to its outbox. */
  public record Queued(long digestId, int added) {}

  private final Database database;
  private final DigestBuilder builder;
  private final DigestRepository repository;
  private final DigestMessages messages;
  private final ZoneId zone;
  private final Clock clock;

  public Digests(
      Database database,
      DigestBuilder builder,
      DigestRepository repository,
      DigestMessages messages,
      ZoneId zone,
      Clock clock) {
    this.database = database;
    this.builder = builder;
    this.repository = repository;
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
  }

  public Optional<DigestContent> build(Language lang, Optional<String> intro) {
    return build(lang, intro, LocalDate.ofInstant(clock.instant(), zone));
  }

  /** The digest sent on {@code today}: the seven days before that day's midnight. */
  public Optional<DigestContent> build(Language lang, Optional<String> intro, LocalDate today) {
    Instant until = today.atStartOfDay(zone).toInstant();
    Instant from = today.minusDays(7).atStartOfDay(zone).toInstant();
    return builder.build(lang, from, until, intro);
  }

  /** Steps a preview reports to {@code progress} (after the digest was found non-empty). */
  public static final int PREVIEW_STEPS = 3;

  /**
   * Writes the digest as one subscriber would receive it (RFC 5322), signed when we sign; false for
   * an empty week. {@code progress} hears each of the {@link #PREVIEW_STEPS} steps done.
   */
  public boolean preview(
      Language lang, Optional<String> intro, OutputStream out, Consumer<String> progress)
      throws IOException {
    Optional<DigestContent> digest = build(lang, intro);
    if (digest.isEmpty()) {
      return false;
    }
    progress.accept("digest of the week built");
    Subscriber sample =
        new Subscriber(0, "reader@example.org", lang, SubscriberState.ACTIVE, "preview", 0);
    RawMessage message = messages.template(0, digest.get()).render(sample, clock.millis());
    progress.accept(
        "message of "
            + message.size()
            + " bytes "
            + (messages.signs() ? "DKIM-signed" : "(not signed here)"));
    message.writeTo(out);
    progress.accept("written");
    return true;
  }

  /** Stores this week's digest (once per week) and queues it; empty for an empty week. */
  public Optional<Queued> queue(Language lang, Optional<String> intro) {
    return build(lang, intro).map(content -> database.write(h -> store(h, content)));
  }

  /** Stores the digest (once per edition and week) and queues it in {@code h}'s transaction. */
  Queued store(Handle h, DigestContent content) {
    long now = clock.millis();
    DigestRepository.Stored stored = repository.saveOnce(h, content, now);
    return new Queued(stored.id(), repository.enqueue(h, stored.id(), content.lang(), now));
  }
}
