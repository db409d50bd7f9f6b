package org.tamizdat.demo;

import java.util.List;

/**
 * A muted colour scheme for a lead image: two sky stops, three land layers from far to near, and an
 * accent for the sun and a few details. Hand-picked rather than generated, because random hues
 * rarely look like a serious newsroom's illustrations.
 */
record LeadPalette(
    String skyTop, String skyBottom, String far, String middle, String near, String accent) {

  static final List<LeadPalette> ALL =
      List.of(
          new LeadPalette("#2b3a4a", "#8d7f86", "#56607a", "#3d4a5c", "#28323f", "#d9a46c"),
          new LeadPalette("#dfe3e0", "#b9c2bf", "#8fa19c", "#6d8480", "#4e6663", "#c4563f"),
          new LeadPalette("#efe4d2", "#d8c1a0", "#b99a74", "#94775a", "#6b5643", "#3e5c76"),
          new LeadPalette("#1f2a33", "#4a5f6e", "#34475a", "#26343f", "#182129", "#c9b37e"),
          new LeadPalette("#e6e8dc", "#c7cdb5", "#9aa687", "#77866a", "#55644d", "#b5523b"),
          new LeadPalette("#f1e3dc", "#d9b8ae", "#b98f88", "#8f6b6b", "#5f4a50", "#2f4858"),
          new LeadPalette("#e9ecef", "#c5ccd3", "#97a3ae", "#6c7a88", "#44515e", "#d18f3c"),
          new LeadPalette("#14213d", "#3a3e5a", "#2e3452", "#222740", "#15182a", "#e0a458"));

  /** Ink for lines drawn over the sky: dark on a light sky, light on a dark one. */
  String skyInk() {
    return isDark(skyBottom) ? "#f3efe6" : "#1e2328";
  }

  /** Ink for the label, which sits on the nearest land layer. */
  String labelInk() {
    return isDark(near) ? "#f3efe6" : "#1e2328";
  }

  /** Relative luminance below the point where dark text stops being readable. */
  static boolean isDark(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double luminance =
        0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    return luminance < 0.18;
  }

  private static double linear(int channel) {
    double c = (channel & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
