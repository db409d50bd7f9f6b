package org.tamizdat.db;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases in {@code job_lease}: at most one holder per name until the lease expires. Each step
 * is one conditional statement, so two nodes racing for the same name cannot both win on either
 * engine: the insert yields to an existing row, and the update only takes a row that has expired or
 * is already ours (PostgreSQL re-checks the condition after waiting for a row lock; SQLite has one
 * writer at a time).
 */
public final class Leases {
  private final Database database;
  private final Clock clock;

  public Leases(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Takes the lease until {@code until} when it is free, expired or already ours. */
  public boolean acquire(String name, String holder, Instant until) {
    return database.write(h -> {
      int inserted =
          h.createUpdate(
                  """
                  INSERT INTO job_lease (name, holder, expires_at) VALUES (:name, :holder, :until)
                  ON CONFLICT (name) DO NOTHING
                  """)
              .bind("name", name)
              .bind("holder", holder)
              .bind("until", until.toEpochMilli())
              .execute();
      return inserted == 1
          || h.createUpdate(
                      """
                      UPDATE job_lease SET holder = :holder, expires_at = :until
                      WHERE name = :name AND (expires_at < :now OR holder = :holder)
                      """)
                  .bind("name", name)
                  .bind("holder", holder)
                  .bind("until", until.toEpochMilli())
                  .bind("now", clock.millis())
                  .execute()
              == 1;
    });
  }

  /** Moves the expiry of a lease we hold; false when another holder has taken it meanwhile. */
  public boolean renew(String name, String holder, Instant until) {
    return database.write(h ->
        h.createUpdate(
                    "UPDATE job_lease SET expires_at = :until WHERE name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .bind("until", until.toEpochMilli())
                .execute()
            == 1);
  }

  public void release(String name, String holder) {
    database.write(h ->
        h.createUpdate("DELETE FROM job_lease WHERE name = :name AND holder = :holder")
            .bind("name", name)
            .bind("holder", holder)
            .execute());
  }

  /** The current holder, if the lease exists and has not expired. */
  public Optional<String> holder(String name) {
    return database.read(h ->
        h.createQuery("SELECT holder FROM job_lease WHERE name = :name AND expires_at >= :now")
            .bind("name", name)
            .bind("now", clock.millis())
            .mapTo(String.class)
            .findOne());
  }
}
