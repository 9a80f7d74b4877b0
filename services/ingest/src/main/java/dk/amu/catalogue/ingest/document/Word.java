package dk.amu.catalogue.ingest.document;

/**
 * One word of a PDF page where it was printed: x from the left edge, y the baseline from the top
 * edge, both in points and adjusted to the text direction, so rotated pages read like upright ones.
 *
 * @param spaceAfter a space was printed right after the word; office suites print one where a line
 *                   wraps at a space, and none where it wraps after a hyphen inside a word
 */
record Word(String text, float x0, float x1, float y, float fontSize, boolean spaceAfter) {

    float center() {
        return (x0 + x1) / 2;
    }
}
