package org.tamizdat.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one parser of {@code application/x-www-form-urlencoded} request bodies. Bodies are capped by
 * {@link Front} before they get here, so the whole body is in memory and small.
 */
final class FormBody {
  /** Public forms carry an address and a token or two; anything larger is not ours. */
  static final int MAX_BYTES = 8 * 1024;

  /** An article in the admin's editor: a long body, percent-encoded (Cyrillic triples in size). */
  static final int MAX_ADMIN_BYTES = 2 * 1024 * 1024;

  private FormBody() {}

  /** Parses {@code body}; a body of another content type yields no fields. */
  static Map<String, List<String>> parse(String contentType, byte[] body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (contentType == null
        || !contentType
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith("application/x-www-form-urlencoded")) {
      return fields;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return fields;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("malformed form body");
    }
  }
}
