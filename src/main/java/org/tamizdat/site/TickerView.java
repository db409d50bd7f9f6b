package org.tamizdat.site;

/** One ticker entry as shown: label, formatted value, a CSS class and an arrow with its words. */
public record TickerView(
    String label, String value, String direction, String arrow, String directionText) {}
