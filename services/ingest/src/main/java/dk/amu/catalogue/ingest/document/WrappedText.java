package dk.amu.catalogue.ingest.document;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back together text that a printer wrapped at the page width. A printer breaks a line at a
 * space or right after a hyphen, so most lines join with one space, but a word broken at its hyphen
 * ("19-" / "12-2024", "30-06-" / "2025", "AI-" / "systemer") joins without one.
 */
final class WrappedText {

    // Danish shares the end of compounds: "salgs- og debitorområdet" keeps its space at the break
    private static final Set<String> SHARED_ENDING = Set.of("og", "eller", "samt", "&");

    private WrappedText() {
    }

    /** {@code text} continued by the line that the printer wrapped onto the next line. */
    static String join(String text, String next) {
        if (text.isEmpty() || next.isEmpty()) {
            return text + next;
        }
        return text + (brokenAtHyphen(text, next) ? "" : " ") + next;
    }

    private static boolean brokenAtHyphen(String text, String next) {
        int length = text.length();
        if (length < 2 || text.charAt(length - 1) != '-' || !Character.isLetterOrDigit(text.charAt(length - 2))) {
            // a lone " - " between words, as in "kommunikation - sprog", is a word of its own
            return false;
        }
        return !SHARED_ENDING.contains(next.split(" ", 2)[0].toLowerCase(Locale.ROOT));
    }

    /**
     * The last line of a phrase that starts on line {@code from} and matches {@code phrase} whole,
     * on one line or wrapped over up to {@code maxLines} non-empty lines before {@code end}.
     */
    static OptionalInt phraseEnd(DocumentLines text, int from, int end, Pattern phrase, int maxLines) {
        String joined = "";
        int lines = 0;
        for (int n = from; n < end && lines < maxLines; n++) {
            if (text.line(n).isEmpty()) {
                if (lines == 0) {
                    return OptionalInt.empty();
                }
                continue;
            }
            joined = join(joined, text.line(n));
            lines++;
            Matcher matcher = phrase.matcher(joined);
            if (matcher.matches()) {
                return OptionalInt.of(n);
            }
            if (!matcher.hitEnd()) {
                // the text already differs from the phrase; no further line can make it match
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
