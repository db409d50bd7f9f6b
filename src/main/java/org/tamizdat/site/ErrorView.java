package org.tamizdat.site;

/** A localized error page. */
public record ErrorView(Chrome chrome, int status, String title, String text) {}
