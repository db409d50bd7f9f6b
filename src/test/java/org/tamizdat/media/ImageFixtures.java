package org.tamizdat.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Test images written here, byte by byte, carrying every kind of metadata a phone or an editing
 * tool leaves behind. The markers below must not survive in any stored file.
 */
public final class ImageFixtures {
  public static final String CAMERA = "SpyCam-9000";
  public static final String COMMENT = "secret comment from the photographer";
  public static final String TRAILER = "TRAILING-SECRET-AFTER-EOI";
  public static final String XMP_NS = "http://ns.adobe.com/xap/1.0/";
  public static final String PNG_TEXT = "secret png text chunk";
  public static final String PNG_ZTEXT = "compressed secret";

  /** Latitude 55° 45′ 21.23″ as three big-endian TIFF rationals: what a GPS tag stores. */
  public static final byte[] GPS_LATITUDE = rationals(55, 1, 45, 1, 2123, 100);

  public static final byte[] GPS_LONGITUDE = rationals(37, 1, 37, 1, 1717, 100);

  /** Strings that betray metadata in any container. */
  public static final String[] MARKERS = {
    "Exif",
    XMP_NS,
    "Photoshop 3.0",
    "8BIM",
    "ICC_PROFILE",
    CAMERA,
    COMMENT,
    TRAILER,
    PNG_TEXT,
    "XML:com.adobe.xmp",
    "tEXt",
    "iTXt",
    "zTXt",
    "eXIf",
    "EXIF",
    "XMP ",
    "ICCP",
    "iCCP",
    "sRGB IEC"
  };

  private ImageFixtures() {}

  /** Left half red, right half blue: turning the picture moves the colours where a test sees it. */
  public static BufferedImage halves(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  public static byte[] plainJpeg(BufferedImage image) {
    return write(image, "jpeg");
  }

  public static byte[] plainPng(BufferedImage image) {
    return write(image, "png");
  }

  /**
   * A JPEG with EXIF (orientation, camera, GPS, an embedded thumbnail), XMP, IPTC, an ICC profile,
   * a comment and bytes after the end-of-image marker.
   */
  public static byte[] jpegWithEverything(BufferedImage image, int orientation) {
    byte[] plain = plainJpeg(image);
    byte[] thumbnail = plainJpeg(halves(32, 16));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    segment(out, 0xe1, concat(ascii("Exif\0\0"), exif(orientation, thumbnail)));
    segment(
        out,
        0xe1,
        concat(
            ascii(XMP_NS + "\0"),
            ascii(
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><exif:GPSLatitude>55,45.35N"
                    + "</exif:GPSLatitude></rdf:RDF></x:xmpmeta>")));
    segment(out, 0xed, concat(ascii("Photoshop 3.0\0"), iptc()));
    segment(
        out,
        0xe2,
        concat(
            ascii("ICC_PROFILE\0"),
            new byte[] {1, 1},
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
    segment(out, 0xfe, ascii(COMMENT));
    out.write(plain, 2, plain.length - 2);
    out.writeBytes(ascii(TRAILER));
    return out.toByteArray();
  }

  /** A JPEG with only an orientation in its EXIF. */
  public static byte[] jpegWithOrientation(BufferedImage image, int orientation) {
    byte[] plain = plainJpeg(image);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    segment(out, 0xe1, concat(ascii("Exif\0\0"), exif(orientation, plainJpeg(halves(8, 8)))));
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** A PNG with tEXt, iTXt (XMP), zTXt and eXIf (GPS) chunks. */
  public static byte[] pngWithEverything(BufferedImage image) {
    byte[] plain = plainPng(image);
    int afterIhdr = 8 + 25;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, afterIhdr);
    chunk(out, "tEXt", ascii("Comment\0" + PNG_TEXT));
    chunk(
        out,
        "iTXt",
        ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + XMP_NS + " " + CAMERA + "</x:xmpmeta>"));
    chunk(out, "zTXt", concat(ascii("Software\0\0"), deflate(ascii(PNG_ZTEXT))));
    chunk(out, "eXIf", exif(1, plainJpeg(halves(8, 8))));
    out.write(plain, afterIhdr, plain.length - afterIhdr);
    return out.toByteArray();
  }

  /** A plain PNG with an eXIf chunk that holds this orientation. */
  public static byte[] plainPngWith(BufferedImage image, int orientation) {
    byte[] plain = plainPng(image);
    int afterIhdr = 8 + 25;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, afterIhdr);
    chunk(out, "eXIf", exif(orientation, plainJpeg(halves(8, 8))));
    out.write(plain, afterIhdr, plain.length - afterIhdr);
    return out.toByteArray();
  }

  /** A PNG whose header claims {@code width}×{@code height}, with almost nothing behind it. */
  public static byte[] pngBomb(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", deflate(new byte[4096]));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A JPEG whose frame header claims {@code width}×{@code height}. */
  public static byte[] jpegBomb(int width, int height) {
    byte[] plain = plainJpeg(halves(16, 16));
    for (int i = 2; i < plain.length - 9; i++) {
      if ((plain[i] & 0xff) == 0xff
          && (plain[i + 1] & 0xff) >= 0xc0
          && (plain[i + 1] & 0xff) <= 0xc2) {
        plain[i + 5] = (byte) (height >> 8);
        plain[i + 6] = (byte) height;
        plain[i + 7] = (byte) (width >> 8);
        plain[i + 8] = (byte) width;
        return plain;
      }
    }
    throw new IllegalStateException("no frame header");
  }

  /**
   * A lossless WebP of {@link #halves}-like content (each colour channel takes at most two values),
   * in an extended container with an ICC profile, EXIF (with GPS and this orientation) and XMP.
   */
  public static byte[] webpWithEverything(int width, int height, int orientation) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    chunks.writeBytes(ascii("WEBP"));
    ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put((byte) (0x20 | 0x08 | 0x04)).put(new byte[3]);
    putU24(vp8x, width - 1);
    putU24(vp8x, height - 1);
    riffChunk(chunks, "VP8X", vp8x.array());
    riffChunk(chunks, "ICCP", ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    riffChunk(chunks, "VP8L", losslessHalves(width, height));
    riffChunk(chunks, "EXIF", exif(orientation, plainJpeg(halves(8, 8))));
    riffChunk(chunks, "XMP ", ascii("<x:xmpmeta>" + XMP_NS + " " + CAMERA + "</x:xmpmeta>"));
    return riff(chunks.toByteArray());
  }

  /** A WebP whose canvas claims {@code width}×{@code height} (at most 16384 each). */
  public static byte[] webpBomb(int width, int height) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    chunks.writeBytes(ascii("WEBP"));
    ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put((byte) 0).put(new byte[3]);
    putU24(vp8x, width - 1);
    putU24(vp8x, height - 1);
    riffChunk(chunks, "VP8X", vp8x.array());
    riffChunk(chunks, "VP8L", losslessHalves(16, 16));
    return riff(chunks.toByteArray());
  }

  /**
   * A VP8L bitstream: no transforms, no colour cache, and prefix codes of one or two symbols per
   * channel ("simple codes"), so each pixel costs one bit for red and one for blue.
   */
  public static byte[] losslessHalves(int width, int height) {
    Bits bits = new Bits();
    bits.write(0x2f, 8);
    bits.write(width - 1, 14);
    bits.write(height - 1, 14);
    bits.write(0, 1); // no alpha
    bits.write(0, 3); // version
    bits.write(0, 1); // no transform
    bits.write(0, 1); // no colour cache
    bits.write(0, 1); // no meta prefix codes
    simpleCode(bits, 0); // green: always 0
    simpleCode(bits, 0, 255); // red
    simpleCode(bits, 0, 255); // blue
    simpleCode(bits, 255); // alpha: opaque
    simpleCode(bits, 0); // distance: unused
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean left = x < width / 2;
        bits.write(left ? 1 : 0, 1); // red 255 on the left
        bits.write(left ? 0 : 1, 1); // blue 255 on the right
      }
    }
    return bits.bytes();
  }

  private static void simpleCode(Bits bits, int... symbols) {
    bits.write(1, 1);
    bits.write(symbols.length - 1, 1);
    if (symbols[0] < 2) {
      bits.write(0, 1);
      bits.write(symbols[0], 1);
    } else {
      bits.write(1, 1);
      bits.write(symbols[0], 8);
    }
    if (symbols.length == 2) {
      bits.write(symbols[1], 8);
    }
  }

  /** Little-endian bit packing, least significant bit first, as VP8L reads it. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long buffer;
    private int count;

    void write(int value, int n) {
      buffer |= ((long) value & ((1L << n) - 1)) << count;
      count += n;
      while (count >= 8) {
        out.write((int) (buffer & 0xff));
        buffer >>>= 8;
        count -= 8;
      }
    }

    byte[] bytes() {
      if (count > 0) {
        out.write((int) (buffer & 0xff));
      }
      return out.toByteArray();
    }
  }

  /** A big-endian TIFF block: IFD0 (camera, orientation, GPS pointer), GPS IFD, IFD1 thumbnail. */
  public static byte[] exif(int orientation, byte[] thumbnail) {
    byte[] make = ascii(CAMERA + "\0");
    int ifd0 = 8;
    int makeAt = ifd0 + 2 + 3 * 12 + 4;
    int gps = makeAt + make.length + (make.length & 1);
    int latAt = gps + 2 + 4 * 12 + 4;
    int lonAt = latAt + 24;
    int ifd1 = lonAt + 24;
    int thumbAt = ifd1 + 2 + 2 * 12 + 4;
    ByteBuffer b = ByteBuffer.allocate(thumbAt + thumbnail.length).order(ByteOrder.BIG_ENDIAN);
    b.put(ascii("MM")).putShort((short) 42).putInt(ifd0);
    b.position(ifd0).putShort((short) 3);
    entry(b, 0x010f, 2, make.length, makeAt);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    entry(b, 0x8825, 4, 1, gps);
    b.putInt(ifd1);
    b.position(makeAt).put(make);
    b.position(gps).putShort((short) 4);
    b.putShort((short) 1).putShort((short) 2).putInt(2).put(ascii("N\0\0\0"));
    entry(b, 2, 5, 3, latAt);
    b.putShort((short) 3).putShort((short) 2).putInt(2).put(ascii("E\0\0\0"));
    entry(b, 4, 5, 3, lonAt);
    b.putInt(0);
    b.position(latAt).put(GPS_LATITUDE);
    b.position(lonAt).put(GPS_LONGITUDE);
    b.position(ifd1).putShort((short) 2);
    entry(b, 0x0201, 4, 1, thumbAt);
    entry(b, 0x0202, 4, 1, thumbnail.length);
    b.putInt(0);
    b.position(thumbAt).put(thumbnail);
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  /** An IPTC-IIM record (by-line and city) in a Photoshop image resource block. */
  private static byte[] iptc() {
    byte[] byline = ascii(CAMERA + " operator");
    ByteBuffer data = ByteBuffer.allocate(5 + byline.length);
    data.put((byte) 0x1c).put((byte) 2).put((byte) 80).putShort((short) byline.length).put(byline);
    byte[] record = data.array();
    ByteBuffer block = ByteBuffer.allocate(12 + record.length + (record.length & 1));
    block.put(ascii("8BIM")).putShort((short) 0x0404).putShort((short) 0).putInt(record.length);
    block.put(record);
    return block.array();
  }

  public static byte[] rationals(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    out.write(0xff);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(payload);
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
    out.writeBytes(length.array());
    byte[] typeBytes = ascii(type);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static void riffChunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
    out.writeBytes(ascii(fourCc));
    out.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
    out.writeBytes(data);
    if ((data.length & 1) == 1) {
      out.write(0);
    }
  }

  private static byte[] riff(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii("RIFF"));
    out.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void putU24(ByteBuffer b, int value) {
    b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    byte[] buffer = new byte[data.length + 64];
    int n = deflater.deflate(buffer);
    deflater.end();
    return java.util.Arrays.copyOf(buffer, n);
  }

  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Where {@code needle} occurs in {@code haystack}, or -1. */
  public static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
