package org.tamizdat.backup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of contents of an archive, a plain text entry written last: the format, the schema
 * version of the database rows, the key files (included or only listed) and the SHA-256 of every
 * other entry, so a restore can check the whole archive before it changes anything.
 */
record Manifest(
    String created,
    String engine,
    String schemaVersion,
    Map<String, Boolean> keys,
    Map<String, String> sha256) {
  static final String ENTRY = "MANIFEST";
  static final String FORMAT = "tamizdat-backup 1";

  byte[] bytes() {
    StringBuilder out = new StringBuilder(FORMAT).append('\n');
    out.append("created ").append(created).append('\n');
    out.append("engine ").append(engine).append('\n');
    out.append("schema ").append(schemaVersion).append('\n');
    keys.forEach((name, included) ->
        out.append("key ")
            .append(name)
            .append(included ? " included" : " not-included")
            .append('\n'));
    sha256.forEach(
        (entry, hash) -> out.append("sha256 ").append(hash).append(' ').append(entry).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Manifest parse(byte[] bytes) {
    List<String> lines =
        new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
    if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
      throw new IllegalArgumentException("not a tamizdat backup (unknown manifest format)");
    }
    String created = null;
    String engine = null;
    String schema = null;
    Map<String, Boolean> keys = new LinkedHashMap<>();
    Map<String, String> sha = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(" ", 3);
      switch (parts[0]) {
        case "created" -> created = parts[1];
        case "engine" -> engine = parts[1];
        case "schema" -> schema = parts[1];
        case "key" -> keys.put(parts[1], parts[2].equals("included"));
        case "sha256" -> sha.put(parts[2], parts[1]);
        default -> throw new IllegalArgumentException("damaged manifest line: " + line);
      }
    }
    if (created == null || engine == null || schema == null) {
      throw new IllegalArgumentException("damaged manifest: created, engine or schema missing");
    }
    return new Manifest(created, engine, schema, keys, sha);
  }
}
