package org.tamizdat.media;

/** One stored file of a media item: the original or a resized copy. */
public record MediaFile(
    String name, int width, int height, String mime, long bytes, boolean original) {}
