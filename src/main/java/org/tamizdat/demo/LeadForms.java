package org.tamizdat.demo;

import static org.tamizdat.demo.LeadImages.HEIGHT;
import static org.tamizdat.demo.LeadImages.WIDTH;

/** The shapes a lead image is built from. Every coordinate is an integer to keep output small. */
final class LeadForms {
  private LeadForms() {}

  /** The sun with its glow, then two or three quiet geometric forms in the sky. */
  static void sky(SvgWriter svg, SeededRandom rnd, LeadPalette p, String id, int horizon) {
    int cx = rnd.between(170, WIDTH - 170);
    int cy = rnd.between(120, horizon - 40);
    int r = rnd.between(44, 100);
    circle(svg, cx, cy, r * 5 / 2, "fill=\"url(#" + id + "g)\"");
    circle(svg, cx, cy, r, "fill=\"" + p.accent() + "\" fill-opacity=\"0.85\"");

    // Forms sit on the side away from the sun, so the sky stays balanced.
    int side = cx < WIDTH / 2 ? rnd.between(700, 1020) : rnd.between(180, 500);
    int[] kinds = {0, 1, 2, 3, 4};
    for (int i = kinds.length - 1; i > 0; i--) {
      int j = rnd.between(0, i);
      int swap = kinds[i];
      kinds[i] = kinds[j];
      kinds[j] = swap;
    }
    int count = rnd.chance(0.4) ? 3 : 2;
    String ink = p.skyInk();
    for (int i = 0; i < count; i++) {
      switch (kinds[i]) {
        case 0 -> {
          String line = "fill=\"none\" stroke=\"" + ink + "\" stroke-width=\"1.5\"";
          circle(svg, cx, cy, r + rnd.between(30, 50), line + " stroke-opacity=\"0.3\"");
          circle(svg, cx, cy, r + rnd.between(95, 140), line + " stroke-opacity=\"0.15\"");
        }
        case 1 -> beams(svg, rnd, side - 60, ink, horizon);
        // Dots stay high and the square low, so both can share the side without touching.
        case 2 -> dots(svg, side, rnd.between(75, 105), ink);
        case 3 -> {
          int size = rnd.between(50, 90);
          int y = rnd.between(horizon - 165, horizon - 125);
          svg.raw("<rect x=\"" + (side - size / 2) + "\" y=\"" + (y - size / 2) + "\" width=\"")
              .raw(size + "\" height=\"" + size + "\" fill=\"none\" stroke=\"" + p.accent())
              .raw("\" stroke-width=\"2\" stroke-opacity=\"0.7\" transform=\"rotate(45 ")
              .raw(side + " " + y + ")\"/>");
        }
        default ->
            // A faint arc of a huge circle below the frame, like the curve of the earth.
            circle(
                svg,
                WIDTH / 2 + rnd.between(-200, 200),
                horizon + 1300,
                1300 + rnd.between(60, 140),
                "fill=\"none\" stroke=\"" + ink + "\" stroke-opacity=\"0.14\" stroke-width=\"2\"");
      }
    }
  }

  /** A soft land layer: a smooth curve through random heights around {@code base}, filled down. */
  static void ridge(
      SvgWriter svg, SeededRandom rnd, int base, int amp, int segments, int tilt, String fill) {
    int[] xs = new int[segments + 1];
    int[] ys = new int[segments + 1];
    for (int k = 0; k <= segments; k++) {
      xs[k] = -40 + k * (WIDTH + 80) / segments;
      ys[k] = base - (int) (rnd.nextDouble() * amp) + tilt * (xs[k] - WIDTH / 2) / WIDTH;
    }
    svg.raw("<path d=\"M-40 " + HEIGHT + "V" + ys[0]);
    // Quadratic curves through midpoints make a smooth line without computing tangents.
    for (int k = 1; k < segments; k++) {
      int mx = (xs[k] + xs[k + 1]) / 2;
      int my = (ys[k] + ys[k + 1]) / 2;
      svg.raw("Q" + xs[k] + " " + ys[k] + " " + mx + " " + my);
    }
    svg.raw("L" + xs[segments] + " " + ys[segments] + "V" + HEIGHT + "Z\" fill=\"" + fill + "\"/>");
  }

  /** Sometimes a cluster of distant blocks on the horizon, sometimes a radio mast among them. */
  static void towers(SvgWriter svg, SeededRandom rnd, LeadPalette p, int horizon) {
    if (!rnd.chance(0.6)) {
      return;
    }
    int x = rnd.between(120, WIDTH - 260);
    int n = rnd.between(2, 5);
    for (int i = 0; i < n; i++) {
      int w = rnd.between(8, 22);
      int h = rnd.between(18, 70);
      svg.raw("<rect x=\"" + x + "\" y=\"" + (horizon - h) + "\" width=\"" + w + "\" height=\"")
          .raw(h + 2 + "\" fill=\"" + p.middle() + "\"/>");
      x += w + rnd.between(3, 14);
    }
    if (rnd.chance(0.5)) {
      int top = horizon - rnd.between(100, 150);
      x += rnd.between(20, 60);
      svg.raw("<path d=\"M" + x + " " + horizon + "V" + top + "\" stroke=\"" + p.middle())
          .raw("\" stroke-width=\"3\"/>");
      circle(svg, x, top, 4, "fill=\"" + p.accent() + "\"");
    }
  }

  private static void beams(SvgWriter svg, SeededRandom rnd, int x, String ink, int horizon) {
    int run = rnd.between(-150, 150);
    for (int i = 0; i < 3; i++, x += rnd.between(26, 60)) {
      svg.raw("<path d=\"M" + x + " 0L" + (x + run) + " " + horizon + "\" stroke=\"" + ink)
          .raw("\" stroke-opacity=\"0.12\" stroke-width=\"" + (i + 1) + "\"/>");
    }
  }

  private static void dots(SvgWriter svg, int cx, int cy, String ink) {
    svg.raw("<g fill=\"" + ink + "\" fill-opacity=\"0.4\">");
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 6; col++) {
        circle(svg, cx - 55 + col * 22, cy - 33 + row * 22, 2, "");
      }
    }
    svg.raw("</g>");
  }

  private static void circle(SvgWriter svg, int cx, int cy, int r, String paint) {
    svg.raw("<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + r + "\"");
    svg.raw(paint.isEmpty() ? "/>" : " " + paint + "/>");
  }
}
