package org.tamizdat.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** JSON through Jackson's streaming generator, with the few helpers our documents need. */
final class JsonOutput {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
  private final JsonGenerator json;

  JsonOutput() {
    try {
      json = FACTORY.createGenerator(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generator itself, for objects and arrays. */
  JsonGenerator json() {
    return json;
  }

  /** Writes {@code name: value} unless the value is null or empty: JSON Feed omits those. */
  JsonOutput field(String name, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      json.writeStringField(name, value);
    }
    return this;
  }

  JsonOutput strings(String name, List<String> values) throws IOException {
    if (!values.isEmpty()) {
      json.writeArrayFieldStart(name);
      for (String value : values) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
    return this;
  }

  byte[] finish() {
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * For a {@code <script type="application/ld+json">} block: {@code <}, {@code >} and {@code &}
   * become escapes, so the data can never close the script element or open a comment. Outside
   * strings JSON has none of these characters, so replacing them everywhere is safe.
   */
  String finishForHtml() {
    return new String(finish(), StandardCharsets.UTF_8)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
