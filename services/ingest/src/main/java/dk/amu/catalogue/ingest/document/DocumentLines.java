package dk.amu.catalogue.ingest.document;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The extracted text as normalised lines. Line numbers stay those of the extracted text, so a
 * rejection can point the operator at the right place even though blank lines are skipped later.
 */
record DocumentLines(List<String> lines) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n|\f");
    // NBSP, figure space and narrow NBSP come from PDF exports and word processors
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\u00A0\u2007\u202F]+");

    DocumentLines {
        lines = List.copyOf(lines);
    }

    static DocumentLines of(String text) {
        return new DocumentLines(Arrays.stream(LINE_BREAK.split(text, -1)).map(DocumentLines::fold).toList());
    }

    static String fold(String line) {
        return WHITE_SPACE.matcher(line).replaceAll(" ").strip();
    }

    int count() {
        return lines.size();
    }

    /** The folded text of the 1-based line {@code number}. */
    String line(int number) {
        return lines.get(number - 1);
    }
}
