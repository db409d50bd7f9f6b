package org.tamizdat.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.tamizdat.web.Response;

/**
 * The newsroom's addresses as configured: the primary site, its mirrors and its onion service. The
 * same in every export, wherever it is served, so an app can learn of new mirrors from any of them.
 */
public record MirrorList(URI primary, List<URI> mirrors, Optional<URI> onion) {

  /** {@code {"version":1,"primary":…,"mirrors":[…],"onion":…|null}}. */
  public byte[] json() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
      json.writeStartObject();
      json.writeNumberField("version", 1);
      json.writeStringField("primary", primary.toString());
      json.writeArrayFieldStart("mirrors");
      for (URI mirror : mirrors) {
        json.writeString(mirror.toString());
      }
      json.writeEndArray();
      json.writeStringField("onion", onion.map(URI::toString).orElse(null));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  Response response() {
    return Response.of(200, "application/json; charset=utf-8", json()).cacheable();
  }
}
