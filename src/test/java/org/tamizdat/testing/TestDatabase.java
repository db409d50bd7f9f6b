package org.tamizdat.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database for one test class: a SQLite file in a temporary folder, or a fresh
 * PostgreSQL schema that is dropped afterwards (CI finds the server as the last run left it, so
 * nothing may depend on leftovers).
 */
public final class TestDatabase implements AutoCloseable {
  public static final String PG_URL_VARIABLE = "TAMIZDAT_TEST_PG_URL";

  private final String url;
  private final String adminUrl;
  private final String schema;

  private TestDatabase(String url, String adminUrl, String schema) {
    this.url = url;
    this.adminUrl = adminUrl;
    this.schema = schema;
  }

  public static TestDatabase sqlite(Path dir) {
    return new TestDatabase(
        "jdbc:sqlite:" + dir.resolve("test-" + UUID.randomUUID() + ".db"), null, null);
  }

  /** Skips the calling test, loudly, when no PostgreSQL server is configured. */
  public static TestDatabase postgres() {
    String base = System.getenv(PG_URL_VARIABLE);
    if (base == null || base.isBlank()) {
      Skips.skipLoudly(
          "PostgreSQL tests need "
              + PG_URL_VARIABLE
              + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres); .ci/run sets it.");
    }
    String schema =
        "tamizdat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(base, "CREATE SCHEMA " + schema);
    String separator = base.contains("?") ? "&" : "?";
    return new TestDatabase(base + separator + "currentSchema=" + schema, base, schema);
  }

  /**
   * The same database for a second app node: this handle owns nothing, so closing it keeps the
   * schema for the other nodes (the first handle drops it).
   */
  public TestDatabase sharedByAnotherNode() {
    return new TestDatabase(url, null, null);
  }

  /** The same database reached through {@code port} on loopback, e.g. a {@link TcpProxy}. */
  public TestDatabase throughPort(int port) {
    return new TestDatabase(url.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"), null, null);
  }

  /** Host and port of a PostgreSQL URL, e.g. for a {@link TcpProxy} in front of it. */
  public java.net.InetSocketAddress serverAddress() {
    java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
    return java.net.InetSocketAddress.createUnresolved(
        uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    if (schema != null) {
      execute(adminUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static void execute(String jdbcUrl, String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " failed: " + e.getMessage(), e);
    }
  }
}
