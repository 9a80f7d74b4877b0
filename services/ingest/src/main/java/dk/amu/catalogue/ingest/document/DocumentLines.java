package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The extracted text as normalised lines. Line numbers stay those of the extracted text, so a
 * rejection can point the operator at the right place even though blank lines are skipped later.
 */
record DocumentLines(List<String> lines) {

    DocumentLines {
        lines = List.copyOf(lines);
    }

    /** Splits at CR LF, CR, LF and form feed, folding each line. Loops, not regular expressions: this is the hot path. */
    static DocumentLines of(String text) {
        var lines = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\f') {
                lines.add(fold(text.substring(start, i)));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(fold(text.substring(start)));
        return new DocumentLines(lines);
    }

    /** Inner runs of white space become one space; leading and trailing white space goes. */
    static String fold(String line) {
        var folded = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isSpace(c)) {
                pendingSpace = folded.length() > 0;
                continue;
            }
            if (pendingSpace) {
                folded.append(' ');
                pendingSpace = false;
            }
            folded.append(c);
        }
        return folded.toString();
    }

    // NBSP, figure space and narrow NBSP come from PDF exports and word processors
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    int count() {
        return lines.size();
    }

    /** The folded text of the 1-based line {@code number}. */
    String line(int number) {
        return lines.get(number - 1);
    }
}
