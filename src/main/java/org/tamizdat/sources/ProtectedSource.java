package org.tamizdat.sources;

/** A linked source as the publish guard sees it: its public pseudonym and its secrets. */
record ProtectedSource(long id, String pseudonym, SourceSecrets secrets) {}
