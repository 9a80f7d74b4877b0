package dk.amu.catalogue.ingest.document;

/**
 * One word of a PDF page where it was printed: x from the left edge, y the baseline from the top
 * edge, both in points and adjusted to the text direction, so rotated pages read like upright ones.
 */
record Word(String text, float x0, float x1, float y, float fontSize) {

    float center() {
        return (x0 + x1) / 2;
    }
}
