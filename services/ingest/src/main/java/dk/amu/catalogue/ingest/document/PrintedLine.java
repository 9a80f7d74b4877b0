package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The words of one page that share a baseline, left to right, and their text joined by single spaces. */
record PrintedLine(List<Word> words, float y, float fontSize, String text) {

    // baselines of one printed line differ by a fraction of a point between fonts; the lines of a
    // cell and a neighbouring cell that is vertically centred differ by half a line or more
    private static final float SAME_LINE = 0.3f;

    /** Sorts the page's words once, top to bottom, and groups them by baseline. */
    static List<PrintedLine> of(List<Word> pageWords) {
        List<Word> words = new ArrayList<>(pageWords);
        words.sort(Comparator.comparingDouble(Word::y));
        List<PrintedLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= words.size(); i++) {
            Word first = words.get(start);
            if (i == words.size() || words.get(i).y() - first.y() > SAME_LINE * first.fontSize()) {
                List<Word> line = new ArrayList<>(words.subList(start, i));
                line.sort(Comparator.comparingDouble(Word::x0));
                // the text is asked for many times (heading, header, running lines): join it once
                lines.add(new PrintedLine(List.copyOf(line), first.y(), first.fontSize(), text(line)));
                start = i;
            }
        }
        return lines;
    }

    static String text(List<Word> words) {
        StringBuilder text = new StringBuilder();
        for (Word word : words) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(word.text());
        }
        return text.toString();
    }
}
