package org.tamizdat.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our tables in an order that satisfies their foreign keys (referenced tables first), read from the
 * connection's metadata so a new migration needs no change here. Flyway's own history and SQLite's
 * internal tables are not ours: the restore recreates them by migrating.
 */
final class Tables {
  private Tables() {}

  static List<String> inDependencyOrder(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    Map<String, Set<String>> references = new LinkedHashMap<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sqlite_") && !lower.equals("flyway_schema_history")) {
          references.put(name, new LinkedHashSet<>());
        }
      }
    }
    for (String table : references.keySet()) {
      try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
        while (rs.next()) {
          String target = rs.getString("PKTABLE_NAME");
          if (!target.equalsIgnoreCase(table)) {
            references.get(table).add(target);
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    List<String> names = new ArrayList<>(references.keySet());
    names.sort(String::compareTo);
    while (ordered.size() < names.size()) {
      boolean progress = false;
      for (String table : names) {
        if (!placed.contains(table)
            && references.get(table).stream()
                .allMatch(t -> placed.contains(t) || !references.containsKey(t))) {
          ordered.add(table);
          placed.add(table);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("foreign keys form a cycle among " + names);
      }
    }
    return ordered;
  }
}
