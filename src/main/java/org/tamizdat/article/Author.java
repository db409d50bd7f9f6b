package org.tamizdat.article;

/** A byline, with name and bio in the edition being read. */
public record Author(long id, String slug, String name, String bio) {}
