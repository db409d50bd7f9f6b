package org.tamizdat.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand: time-driven behaviour without sleeping. Starts at "now". */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> offset;
  private final ZoneId zone;

  public MutableClock() {
    this(new AtomicReference<>(Instant.EPOCH), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  @Override
  public Instant instant() {
    Duration ahead = Duration.between(Instant.EPOCH, offset.get());
    return Instant.now().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving time, seen in another zone. */
  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(offset, other);
  }
}
