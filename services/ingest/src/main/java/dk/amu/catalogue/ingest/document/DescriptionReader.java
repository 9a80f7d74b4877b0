package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the descriptive part before the table: the competence titles and, where the document
 * states it, the FKB title. Neither is worth rejecting a document over, so what cannot be read
 * with confidence is left out rather than guessed. Headings and titles may be wrapped over lines.
 */
final class DescriptionReader {

    private static final Pattern COMPETENCE_HEADING = Pattern.compile(
            "beskrivelse af de tilhørende arbejdsmarkedsrelevante kompetencer",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern COMPETENCE_END = Pattern.compile(
            "kort beskrivelse af kompetencen og dens anvendelse i jobområdet",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // a competence title longer than this many lines means the layout is not the one we know
    private static final int MAX_TITLE_LINES = 3;
    // a PDF printed at a large font wraps the headings themselves
    private static final int MAX_HEADING_LINES = 3;
    private static final Pattern FKB_TITLE = Pattern.compile(
            "(?iu:målgruppen for) FKB (\\p{Lu}[^.,;:]{2,100}?) er ");

    private DescriptionReader() {
    }

    /** @param end the first line after the description (the table heading) */
    static List<String> competences(DocumentLines text, int end) {
        List<String> competences = new ArrayList<>();
        for (int n = 1; n < end; n++) {
            OptionalInt heading = WrappedText.phraseEnd(text, n, end, COMPETENCE_HEADING, MAX_HEADING_LINES);
            if (heading.isPresent()) {
                n = heading.getAsInt();
                competenceTitle(text, n + 1, end).ifPresent(competences::add);
            }
        }
        return competences;
    }

    private static Optional<String> competenceTitle(DocumentLines text, int from, int end) {
        String title = "";
        int lines = 0;
        for (int n = from; n < end; n++) {
            if (WrappedText.phraseEnd(text, n, end, COMPETENCE_END, MAX_HEADING_LINES).isPresent()) {
                return lines == 0 ? Optional.empty() : Optional.of(title);
            }
            String line = text.line(n);
            if (!line.isEmpty()) {
                title = WrappedText.join(title, line);
                lines++;
            }
            if (lines > MAX_TITLE_LINES) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The FKB title from "Målgruppen for FKB Viden- og forretningsservice er ...", or null. The phrase
     * may wrap, so each line naming "FKB" is read with its neighbours rather than the whole text.
     */
    static String title(DocumentLines text, int end) {
        for (int n = 1; n < end; n++) {
            if (!text.line(n).contains("FKB")) {
                continue;
            }
            String window = IntStream.rangeClosed(Math.max(1, n - 1), Math.min(end - 1, n + 2))
                    .mapToObj(text::line)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.joining(" "));
            Matcher matcher = FKB_TITLE.matcher(window);
            if (matcher.find()) {
                return matcher.group(1).strip();
            }
        }
        return null;
    }
}
