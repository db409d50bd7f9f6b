package org.tamizdat.article;

/** A section of the site, with its name in the edition being read. */
public record Section(long id, String slug, String name) {}
