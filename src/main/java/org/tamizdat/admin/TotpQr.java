package org.tamizdat.admin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The enrolment QR code as an SVG drawn here, served from our own origin: no third-party QR service
 * ever sees a secret, and an image file needs no inline style the CSP would block.
 */
final class TotpQr {
  private TotpQr() {}

  static byte[] svg(String text) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalStateException("cannot encode the QR code", e);
    }
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
            + w
            + " "
            + h
            + "\" width=\""
            + w * 6
            + "\" height=\""
            + h * 6
            + "\" shape-rendering=\"crispEdges\"><rect width=\""
            + w
            + "\" height=\""
            + h
            + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
            + path
            + "\"/></svg>";
    return svg.getBytes(StandardCharsets.UTF_8);
  }
}
