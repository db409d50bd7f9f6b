package org.tamizdat.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's rows in a small typed binary form that both engines read back: a value is null, a
 * whole number, a floating number, text, bytes or a truth value. Instants are epoch millis and ids
 * whole numbers in our schema, so nothing engine-specific needs to travel; a SQLite archive
 * restores into PostgreSQL and back.
 */
final class RowCodec {
  private static final String HEADER = "tamizdat-rows 1";
  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte TEXT = 3;
  private static final byte BYTES = 4;
  private static final byte BOOLEAN = 5;

  private RowCodec() {}

  /** Writes every row of {@code table}; returns the number of rows. */
  static long dump(Connection c, String table, DataOutputStream out)
      throws SQLException, IOException {
    long rows = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      int columns = meta.getColumnCount();
      out.writeUTF(HEADER);
      out.writeInt(columns);
      for (int i = 1; i <= columns; i++) {
        out.writeUTF(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      while (rs.next()) {
        out.writeBoolean(true);
        for (int i = 1; i <= columns; i++) {
          write(out, rs.getObject(i), table);
        }
        rows++;
      }
      out.writeBoolean(false);
    }
    return rows;
  }

  private static void write(DataOutputStream out, Object value, String table) throws IOException {
    switch (value) {
      case null -> out.writeByte(NULL);
      case Boolean b -> {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      }
      case Long n -> writeLong(out, n);
      case Integer n -> writeLong(out, n);
      case Short n -> writeLong(out, n);
      case Double d -> writeDouble(out, d);
      case Float f -> writeDouble(out, f);
      case BigDecimal d -> writeText(out, d.toPlainString());
      case String s -> writeText(out, s);
      case byte[] bytes -> {
        out.writeByte(BYTES);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      default ->
          throw new IllegalStateException(
              "table " + table + " holds a " + value.getClass().getSimpleName() + " value");
    }
  }

  private static void writeLong(DataOutputStream out, long n) throws IOException {
    out.writeByte(LONG);
    out.writeLong(n);
  }

  private static void writeDouble(DataOutputStream out, double d) throws IOException {
    out.writeByte(DOUBLE);
    out.writeDouble(d);
  }

  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeByte(TEXT);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Inserts the rows written by {@link #dump} into {@code table}; returns the number of rows. */
  static long load(Connection c, String table, DataInputStream in)
      throws SQLException, IOException {
    if (!in.readUTF().equals(HEADER)) {
      throw new IllegalArgumentException("rows of table " + table + " are in an unknown format");
    }
    int columns = in.readInt();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      names.add(in.readUTF());
    }
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", names.stream().map(n -> "?").toList())
            + ")";
    long rows = 0;
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      int[] types = columnTypes(c, table, names);
      while (in.readBoolean()) {
        for (int i = 0; i < columns; i++) {
          bind(insert, i + 1, in, types[i]);
        }
        insert.addBatch();
        if (++rows % 500 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return rows;
  }

  /** The target's declared types, so values cross engines (SQLite 0/1 into a BOOLEAN). */
  private static int[] columnTypes(Connection c, String table, List<String> names)
      throws SQLException {
    int[] types = new int[names.size()];
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT " + String.join(", ", names) + " FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 0; i < types.length; i++) {
        types[i] = meta.getColumnType(i + 1);
      }
    }
    return types;
  }

  private static void bind(PreparedStatement s, int index, DataInputStream in, int type)
      throws SQLException, IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NULL -> s.setNull(index, type == Types.OTHER ? Types.NULL : type);
      case LONG -> {
        long n = in.readLong();
        if (type == Types.BOOLEAN || type == Types.BIT) {
          s.setBoolean(index, n != 0);
        } else {
          s.setLong(index, n);
        }
      }
      case DOUBLE -> s.setDouble(index, in.readDouble());
      case TEXT -> {
        byte[] bytes = in.readNBytes(in.readInt());
        s.setString(index, new String(bytes, StandardCharsets.UTF_8));
      }
      case BYTES -> s.setBytes(index, in.readNBytes(in.readInt()));
      case BOOLEAN -> {
        boolean b = in.readBoolean();
        if (type == Types.BOOLEAN || type == Types.BIT || type == Types.OTHER) {
          s.setBoolean(index, b);
        } else {
          s.setLong(index, b ? 1 : 0);
        }
      }
      default -> throw new IllegalArgumentException("unknown value tag " + tag);
    }
  }
}
