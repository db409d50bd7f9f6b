package org.tamizdat.admin.settings;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/**
 * Settings editors change at run time, stored in {@code setting}; configuration supplies the
 * defaults, so a missing row means "as configured". A change appends to the change log ({@code
 * setting}, no id), which makes every node's page cache start a new epoch and an export render
 * everything: settings show on every page.
 */
public final class RuntimeSettings {
  private final Database database;
  private final ChangeLog changeLog;
  private final Clock clock;

  public RuntimeSettings(Database database, ChangeLog changeLog, Clock clock) {
    this.database = database;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  /** Every stored override, by name. */
  public Map<String, String> all() {
    return database.read(h -> {
      Map<String, String> values = new TreeMap<>();
      h.createQuery("SELECT name, value FROM setting")
          .map((rs, ctx) -> values.put(rs.getString(1), rs.getString(2)))
          .list();
      return values;
    });
  }

  /**
   * Stores overrides and removes others in one transaction: {@code values} maps a name to its new
   * value, or to null to go back to the configured default.
   */
  public void update(Map<String, String> values, Long staffId) {
    database.write(h -> {
      values.forEach((name, value) -> {
        if (value == null) {
          h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute();
        } else {
          h.createUpdate(
                  """
                  INSERT INTO setting (name, value, updated_at, updated_by)
                  VALUES (:name, :value, :at, :by)
                  ON CONFLICT (name) DO UPDATE SET value = excluded.value,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                  """)
              .bind("name", name)
              .bind("value", value)
              .bind("at", clock.millis())
              .bind("by", staffId)
              .execute();
        }
      });
      changeLog.append(h, "setting", null);
      return null;
    });
  }
}
