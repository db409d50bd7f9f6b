package org.tamizdat.web;

/**
 * A file sent in a {@code multipart/form-data} body. {@code fileName} and {@code contentType} are
 * what the client claims, nothing more: check the bytes themselves.
 */
public record Upload(String field, String fileName, String contentType, byte[] bytes) {}
