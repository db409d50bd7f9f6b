package org.tamizdat.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoding, turning, scaling and encoding. Every image is redrawn into a plain sRGB raster before
 * it is encoded, and encoders get no metadata at all, so what we write holds pixels only: no EXIF,
 * XMP, IPTC, ICC profile, comment, thumbnail or trailing bytes of the upload can survive. Streams
 * stay in memory: ImageIO's default file cache would put the upload, metadata and all, in /tmp.
 */
final class Pixels {
  static final float JPEG_QUALITY = 0.88f;

  private Pixels() {}

  /** Decodes to an sRGB integer raster, with alpha only when the source has it. */
  static BufferedImage decode(byte[] bytes, ImageFacts facts) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MediaRejected("no decoder for this " + facts.type().name() + " file");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, false);
        // The header we checked and the decoder must agree, or the limit checked the wrong thing.
        if (reader.getWidth(0) != facts.width() || reader.getHeight(0) != facts.height()) {
          throw ImageFacts.damaged(facts.type());
        }
        BufferedImage decoded = reader.read(0);
        return toSrgb(decoded);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaRejected rejected) {
        throw rejected;
      }
      throw new MediaRejected(
          "the " + facts.type().name() + " file could not be decoded; it may be damaged");
    }
  }

  private static BufferedImage toSrgb(BufferedImage source) {
    boolean alpha = source.getColorModel().hasAlpha();
    BufferedImage out =
        new BufferedImage(
            source.getWidth(),
            source.getHeight(),
            alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(source, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static boolean hasAlpha(BufferedImage image) {
    return image.getType() == BufferedImage.TYPE_INT_ARGB;
  }

  /** Applies an EXIF orientation (1–8) to the pixels. */
  static BufferedImage orient(BufferedImage in, int orientation) {
    if (orientation == 1) {
      return in;
    }
    int w = in.getWidth();
    int h = in.getHeight();
    boolean swap = orientation >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, in.getType());
    int[] src = ((DataBufferInt) in.getRaster().getDataBuffer()).getData();
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int ow = out.getWidth();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int nx;
        int ny;
        switch (orientation) {
          case 2 -> {
            nx = w - 1 - x;
            ny = y;
          }
          case 3 -> {
            nx = w - 1 - x;
            ny = h - 1 - y;
          }
          case 4 -> {
            nx = x;
            ny = h - 1 - y;
          }
          case 5 -> {
            nx = y;
            ny = x;
          }
          case 6 -> {
            nx = h - 1 - y;
            ny = x;
          }
          case 7 -> {
            nx = h - 1 - y;
            ny = w - 1 - x;
          }
          default -> {
            nx = y;
            ny = w - 1 - x;
          } // 8
        }
        dst[ny * ow + nx] = src[y * w + x];
      }
    }
    return out;
  }

  /**
   * Scales to {@code width} keeping the aspect ratio, halving step by step first: one bicubic step
   * from far above the target skips pixels and shimmers.
   */
  static BufferedImage scaleToWidth(BufferedImage in, int width) {
    int height = Math.max(1, (int) Math.round((double) in.getHeight() * width / in.getWidth()));
    BufferedImage current = in;
    while (current.getWidth() / 2 >= width * 2) {
      current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage in, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, in.getType());
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(in, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static byte[] encode(BufferedImage image, ImageType type) {
    return switch (type) {
      case JPEG -> jpeg(image);
      case PNG -> png(image);
      case WEBP -> throw new IllegalArgumentException("Java has no WebP encoder");
    };
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
