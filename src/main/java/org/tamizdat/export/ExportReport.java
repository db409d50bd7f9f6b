package org.tamizdat.export;

/**
 * What one export did.
 *
 * @param files how many files the export holds now
 * @param rendered how many of them were rendered (or checked, for media) in this run
 * @param written how many of those had changed and were written
 * @param removed files of unpublished pages that were deleted
 * @param incremental false when everything was rendered (first run, or a change to what every page
 *     shows)
 */
public record ExportReport(
    ExportTarget target,
    int files,
    int rendered,
    int written,
    int removed,
    boolean incremental,
    long millis) {}
