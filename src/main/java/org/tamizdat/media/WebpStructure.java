package org.tamizdat.media;

import java.io.ByteArrayOutputStream;

/**
 * The RIFF container of a WebP file. Java cannot encode WebP, so the original is kept by rebuilding
 * the container from its image chunks only (VP8X with its metadata flags cleared, ALPH, VP8 or
 * VP8L): EXIF, XMP, ICC profiles, unknown chunks and bytes after the RIFF end are all dropped,
 * while the compressed pixels stay exactly as uploaded.
 */
final class WebpStructure {
  private static final int ALPHA_FLAG = 0x10;

  private WebpStructure() {}

  static ImageFacts facts(byte[] b) {
    Chunk first = chunkAt(b, 12);
    int orientation = 1;
    boolean animated = false;
    int width;
    int height;
    switch (first.fourCc) {
      case "VP8X" -> {
        if (first.length < 10) {
          throw ImageFacts.damaged(ImageType.WEBP);
        }
        animated = (b[first.payload] & 0x02) != 0;
        width = 1 + u24(b, first.payload + 4);
        height = 1 + u24(b, first.payload + 7);
      }
      case "VP8L" -> {
        if (first.length < 5 || (b[first.payload] & 0xff) != 0x2f) {
          throw ImageFacts.damaged(ImageType.WEBP);
        }
        long bits = ExifOrientation.u32(b, first.payload + 1, true);
        width = (int) (bits & 0x3fff) + 1;
        height = (int) ((bits >> 14) & 0x3fff) + 1;
      }
      case "VP8 " -> {
        int p = first.payload;
        if (first.length < 10
            || (b[p + 3] & 0xff) != 0x9d
            || (b[p + 4] & 0xff) != 0x01
            || (b[p + 5] & 0xff) != 0x2a) {
          throw ImageFacts.damaged(ImageType.WEBP);
        }
        width = ExifOrientation.u16(b, p + 6, true) & 0x3fff;
        height = ExifOrientation.u16(b, p + 8, true) & 0x3fff;
      }
      default -> throw ImageFacts.damaged(ImageType.WEBP);
    }
    for (int at = 12; at + 8 <= riffEnd(b); ) {
      Chunk chunk = chunkAt(b, at);
      if (chunk.fourCc.equals("ANIM") || chunk.fourCc.equals("ANMF")) {
        animated = true;
      } else if (chunk.fourCc.equals("EXIF")) {
        int start = chunk.payload;
        int length = chunk.length;
        if (ImageType.startsWith(b, ImageType.ascii("Exif\0\0"), start)) {
          start += 6;
          length -= 6;
        }
        orientation = ExifOrientation.of(b, start, length);
      }
      at = chunk.next();
    }
    return new ImageFacts(ImageType.WEBP, width, height, orientation, animated);
  }

  /** The same image with nothing but its image chunks. */
  static byte[] withoutMetadata(byte[] b) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(b.length);
    body.writeBytes(ImageType.ascii("WEBP"));
    for (int at = 12; at + 8 <= riffEnd(b); ) {
      Chunk chunk = chunkAt(b, at);
      switch (chunk.fourCc) {
        case "VP8X" -> {
          byte[] header = new byte[10];
          // Flags: keep only "has alpha"; ICC, EXIF, XMP and animation flags and the reserved
          // bits go. Then three reserved bytes (zero), then the canvas size as it was.
          header[0] = (byte) (b[chunk.payload] & ALPHA_FLAG);
          System.arraycopy(b, chunk.payload + 4, header, 4, 6);
          writeChunk(body, "VP8X", header, 0, header.length);
        }
        case "ALPH", "VP8 ", "VP8L" ->
            writeChunk(body, chunk.fourCc, b, chunk.payload, chunk.length);
        default -> {
          // metadata (EXIF, XMP, ICCP) or unknown: dropped
        }
      }
      at = chunk.next();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
    out.writeBytes(ImageType.ascii("RIFF"));
    writeU32(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void writeChunk(
      ByteArrayOutputStream out, String fourCc, byte[] b, int from, int length) {
    out.writeBytes(ImageType.ascii(fourCc));
    writeU32(out, length);
    out.write(b, from, length);
    if ((length & 1) == 1) {
      out.write(0);
    }
  }

  private static void writeU32(ByteArrayOutputStream out, long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >> (8 * i)) & 0xff);
    }
  }

  /** Where the RIFF says the file ends (never past the bytes we have). */
  private static int riffEnd(byte[] b) {
    long declared = ExifOrientation.u32(b, 4, true) + 8;
    return (int) Math.min(declared, b.length);
  }

  private static Chunk chunkAt(byte[] b, int at) {
    if (at + 8 > b.length) {
      throw ImageFacts.damaged(ImageType.WEBP);
    }
    String fourCc = new String(b, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
    long length = ExifOrientation.u32(b, at + 4, true);
    if (length > b.length - at - 8) {
      throw ImageFacts.damaged(ImageType.WEBP);
    }
    return new Chunk(fourCc, at + 8, (int) length);
  }

  private static int u24(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
  }

  private record Chunk(String fourCc, int payload, int length) {
    int next() {
      return payload + length + (length & 1);
    }
  }
}
