package org.tamizdat.site;

/**
 * One ticker entry as shown: label, formatted value, CSS classes, an arrow with its words, and for
 * a stale value the words that say since when (shown as a title and to screen readers).
 */
public record TickerView(
    String label,
    String value,
    String cssClass,
    String arrow,
    String directionText,
    String staleText) {}
