package org.tamizdat.site;

/** A {@code <link rel="alternate" hreflang>} entry: the same page in another edition. */
public record Alternate(String hreflang, String url) {}
