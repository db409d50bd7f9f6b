package org.tamizdat.site;

/** A link as templates show it. */
public record Link(String url, String text) {}
