package org.tamizdat.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The one way into storage. SQLite allows one writer at a time, so it gets a single writer
 * connection and a small pool of readers (WAL lets them read while the writer writes); PostgreSQL
 * gets one pool for both. Repositories say which they need with {@link #read} or {@link #write}.
 */
public final class Database implements AutoCloseable {
  private final Engine engine;
  private final HikariDataSource writer;
  private final HikariDataSource reader;
  private final Jdbi writeJdbi;
  private final Jdbi readJdbi;

  private Database(Engine engine, HikariDataSource writer, HikariDataSource reader) {
    this.engine = engine;
    this.writer = writer;
    this.reader = reader;
    this.writeJdbi = Jdbi.create(writer);
    this.readJdbi = reader == writer ? writeJdbi : Jdbi.create(reader);
  }

  public static Database open(String url) {
    Engine engine = Engine.of(url);
    if (engine == Engine.SQLITE) {
      createParentDirectory(url);
      HikariDataSource writer = pool(url, "tamizdat-writer", 1, engine);
      HikariDataSource reader = pool(url, "tamizdat-reader", 4, engine);
      return new Database(engine, writer, reader);
    }
    HikariDataSource pool = pool(url, "tamizdat", 10, engine);
    return new Database(engine, pool, pool);
  }

  private static HikariDataSource pool(String url, String name, int size, Engine engine) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName(name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setInitializationFailTimeout(10_000);
    // A request waits at most this long for a connection, e.g. while PostgreSQL restarts; then it
    // fails with an error page instead of piling up. Hikari replaces broken connections itself.
    config.setConnectionTimeout(10_000);
    config.setValidationTimeout(3_000);
    // Idle connections are tested every few minutes, so one cut by a restart or a firewall is
    // found and replaced before a request borrows it; none lives longer than half an hour.
    config.setKeepaliveTime(120_000);
    config.setMaxLifetime(1_800_000);
    engine.connectionProperties().forEach(config::addDataSourceProperty);
    return new HikariDataSource(config);
  }

  private static void createParentDirectory(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    file = query >= 0 ? file.substring(0, query) : file;
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create database directory " + parent, e);
    }
  }

  /** Applies pending migrations; the same SQL files run on both engines. */
  public void migrate() {
    Flyway.configure()
        .dataSource(writer)
        .locations("classpath:db/migration")
        .placeholders(engine.placeholders())
        .load()
        .migrate();
  }

  /** Applies migrations up to {@code version} only: a restore loads an older archive's rows. */
  public void migrateTo(String version) {
    flyway().target(version).load().migrate();
  }

  /** The version of the last applied migration, or null when none has run. */
  public String schemaVersion() {
    MigrationInfo current = flyway().load().info().current();
    return current == null ? null : current.getVersion().getVersion();
  }

  /** The newest migration this build knows. */
  public String latestSchemaVersion() {
    MigrationInfo[] all = flyway().load().info().all();
    return all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
  }

  private FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(writer)
        .locations("classpath:db/migration")
        .placeholders(engine.placeholders());
  }

  public Engine engine() {
    return engine;
  }

  public DataSource dataSource() {
    return writer;
  }

  public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
    return readJdbi.withHandle(callback);
  }

  /** Runs {@code callback} in one transaction on the writer connection. */
  public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
    return writeJdbi.inTransaction(callback);
  }

  public boolean isHealthy() {
    try {
      return read((Handle h) -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (reader != writer) {
      reader.close();
    }
    writer.close();
  }

  /** The two engines Tamizdat runs on, and what differs between them. */
  public enum Engine {
    SQLITE,
    POSTGRES;

    static Engine of(String url) {
      if (url.startsWith("jdbc:sqlite:")) {
        return SQLITE;
      }
      if (url.startsWith("jdbc:postgresql:")) {
        return POSTGRES;
      }
      throw new IllegalArgumentException("unsupported database URL: " + url);
    }

    Map<String, String> connectionProperties() {
      return switch (this) {
        case SQLITE ->
            Map.of(
                "journal_mode", "WAL",
                "synchronous", "NORMAL",
                "foreign_keys", "true",
                "busy_timeout", "10000");
        // statement_timeout ends runaway queries; the socket time-out, longer than that, ends a
        // wait on a server that vanished without closing the connection (a cut network).
        case POSTGRES ->
            Map.of(
                "options",
                "-c statement_timeout=15000",
                "ApplicationName",
                "tamizdat",
                "connectTimeout",
                "5",
                "socketTimeout",
                "30",
                "tcpKeepAlive",
                "true");
      };
    }

    /** Flyway placeholders for the few column definitions the engines spell differently. */
    Map<String, String> placeholders() {
      return switch (this) {
        case SQLITE -> Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT");
        case POSTGRES -> Map.of("id", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
      };
    }
  }
}
