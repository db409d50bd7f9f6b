package org.tamizdat.article;

/** Tags belong to one edition: their names are words of its language. */
public record Tag(long id, Language lang, String slug, String name) {}
