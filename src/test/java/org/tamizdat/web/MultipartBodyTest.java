package org.tamizdat.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
  static final String TYPE = "multipart/form-data; boundary=----b0undary";

  static byte[] body(byte[] file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("------b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\u00e9n\r\n"
                + "------b0undary\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"C:\\\\Users\\\\anna\\\\IMG 1.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(
        ("\r\n------b0undary\r\nContent-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n------b0undary--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void fieldsAndFilesWithBinaryContent() {
    // Bytes that look like a delimiter's start must not end the part.
    byte[] file = {(byte) 0xff, (byte) 0xd8, '\r', '\n', '-', '-', 0, 1, '\r', '\n'};
    MultipartBody parsed = MultipartBody.parse(TYPE, body(file));

    assertEquals(List.of("tok\u00e9n"), parsed.fields.get("csrf"));
    Upload upload = parsed.files.get("file").getFirst();
    assertEquals("IMG 1.jpg", upload.fileName(), "only the last path segment");
    assertEquals("image/jpeg", upload.contentType());
    assertArrayEquals(file, upload.bytes());
    assertTrue(!parsed.files.containsKey("empty"), "an empty file input sends nothing");
  }

  @Test
  void quotedBoundaryIsAccepted() {
    MultipartBody parsed =
        MultipartBody.parse("multipart/form-data; boundary=\"----b0undary\"", body(new byte[] {1}));
    assertEquals(1, parsed.files.get("file").getFirst().bytes().length);
  }

  @Test
  void malformedBodiesAreBadRequests() {
    for (String bad :
        List.of(
            "no delimiter at all",
            "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed",
            "------b0undary\r\nX: y\r\n\r\nvalue\r\n------b0undary--")) {
      HttpError e =
          assertThrows(
              HttpError.class,
              () -> MultipartBody.parse(TYPE, bad.getBytes(StandardCharsets.UTF_8)),
              bad);
      assertEquals(400, e.status());
    }
    assertThrows(HttpError.class, () -> MultipartBody.parse("multipart/form-data", new byte[10]));
  }
}
