package org.tamizdat.demo;

import java.util.Objects;

/**
 * Draws placeholder lead images for demo articles: an abstract landscape (sky, sun, horizon, soft
 * land layers, a few geometric forms) whose palette and layout follow from a seed, so every demo
 * article keeps the same picture across runs without shipping binary files.
 *
 * <p>The SVG uses presentation attributes only, with no style, script, fonts or external
 * references, so it passes a strict Content-Security-Policy and can be inlined or served as-is.
 */
public final class LeadImages {
  static final int WIDTH = 1200;
  static final int HEIGHT = 675;

  /** Long labels would overrun the corner and the size budget; real captions are short. */
  static final int MAX_LABEL_CODE_POINTS = 80;

  private LeadImages() {}

  /** The same seed always gives the same bytes; {@code label} is drawn small, bottom left. */
  public static String svg(String seed, String label) {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(label, "label");
    SeededRandom rnd = new SeededRandom(seed);
    LeadPalette p = LeadPalette.ALL.get(rnd.between(0, LeadPalette.ALL.size() - 1));
    // Ids carry a per-seed tag: two SVGs inlined in one page must not share gradient ids.
    String id = "l" + rnd.tag();
    int horizon = rnd.between(370, 440);

    SvgWriter svg = new SvgWriter();
    svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"")
        .raw(HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\">");
    defs(svg, id, p);
    svg.raw("<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"url(#" + id + "s)\"/>");
    LeadForms.sky(svg, rnd, p, id, horizon);
    LeadForms.ridge(svg, rnd, horizon, rnd.between(70, 160), rnd.between(4, 7), 0, p.far());
    LeadForms.towers(svg, rnd, p, horizon);
    svg.raw("<rect y=\"" + (horizon - 80) + "\" width=\"" + WIDTH + "\" height=\"80\"")
        .raw(" fill=\"url(#" + id + "m)\"/>");
    svg.raw("<rect y=\"" + horizon + "\" width=\"" + WIDTH + "\" height=\"")
        .raw((HEIGHT - horizon) + "\" fill=\"url(#" + id + "p)\"/>");
    svg.raw("<path d=\"M0 " + horizon + "H" + WIDTH + "\" stroke=\"" + p.skyInk() + "\"")
        .raw(" stroke-opacity=\"0.3\" stroke-width=\"1.5\"/>");
    int tilt = rnd.between(-60, 60);
    LeadForms.ridge(
        svg, rnd, horizon + rnd.between(75, 105), rnd.between(25, 55), 4, tilt, p.middle());
    LeadForms.ridge(
        svg, rnd, horizon + rnd.between(165, 200), rnd.between(30, 70), 3, -tilt, p.near());
    label(svg, p, label);
    return svg.raw("</svg>").toString();
  }

  private static void defs(SvgWriter svg, String id, LeadPalette p) {
    svg.raw("<defs>");
    svg.raw("<linearGradient id=\"" + id + "s\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
        .raw(stop("0", p.skyTop(), "1") + stop("1", p.skyBottom(), "1") + "</linearGradient>");
    // The mist softens the far ridge where it meets the horizon, as haze does.
    svg.raw("<linearGradient id=\"" + id + "m\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
        .raw(stop("0", p.skyBottom(), "0") + stop("1", p.skyBottom(), "0.7"))
        .raw("</linearGradient>");
    svg.raw("<linearGradient id=\"" + id + "p\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
        .raw(stop("0", p.far(), "1") + stop("1", p.middle(), "1") + "</linearGradient>");
    svg.raw("<radialGradient id=\"" + id + "g\">")
        .raw(stop("0", p.accent(), "0.5") + stop("1", p.accent(), "0") + "</radialGradient>");
    svg.raw("</defs>");
  }

  private static String stop(String offset, String color, String opacity) {
    return "<stop offset=\""
        + offset
        + "\" stop-color=\""
        + color
        + "\" stop-opacity=\""
        + opacity
        + "\"/>";
  }

  private static void label(SvgWriter svg, LeadPalette p, String label) {
    String text = SvgWriter.cleanText(label, MAX_LABEL_CODE_POINTS);
    if (text.isBlank()) {
      return;
    }
    int y = HEIGHT - 28;
    // The rule takes the label's ink: the accent can vanish against the nearest land layer.
    svg.raw("<rect x=\"40\" y=\"" + (y - 26) + "\" width=\"28\" height=\"3\" fill=\"")
        .raw(p.labelInk() + "\" fill-opacity=\"0.6\"/>");
    svg.raw("<text x=\"40\" y=\"" + y + "\" font-family=\"sans-serif\" font-size=\"17\"")
        .raw(" fill=\"" + p.labelInk() + "\" fill-opacity=\"0.85\">")
        .text(text)
        .raw("</text>");
  }
}
