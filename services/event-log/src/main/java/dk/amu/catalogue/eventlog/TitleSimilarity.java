package dk.amu.catalogue.eventlog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How alike two course titles are, from 0 to 1, judged word by word.
 *
 * <p>Titles are compared after folding case, punctuation and white space, since documents spell the
 * same title with different dashes and spacing. Every word of one title must then have its own
 * counterpart in the other, in any order: the same word (scores 1) or, because long course titles are
 * cut short in the catalogue, an abbreviation of at least three letters ("niv" for "niveau", scores
 * 0.5 plus half the length ratio). The similarity is the mean of these scores; a word without a
 * counterpart makes the titles unalike (0). A character distance was not enough: "Arbejdsmiljø 1 ..."
 * and "Arbejdsmiljø 2 ..." are different courses that differ in one character.
 */
final class TitleSimilarity {

    private static final int SHORTEST_ABBREVIATION = 3;

    private TitleSimilarity() {
    }

    static double of(String a, String b) {
        List<String> left = words(a);
        List<String> right = words(b);
        int count = left.size();
        if (count == 0 || count != right.size()) {
            return 0.0;
        }
        double score = pairOff(left, right, false) + pairOff(left, right, true);
        return left.isEmpty() ? score / count : 0.0;
    }

    static String normalise(String title) {
        String composed = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> folded.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        return folded.toString().trim().replaceAll("\\s+", " ");
    }

    private static List<String> words(String title) {
        String normalised = normalise(title);
        return normalised.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(normalised.split(" ")));
    }

    /** Removes the words that find a counterpart from both lists and returns their summed scores. */
    private static double pairOff(List<String> left, List<String> right, boolean allowAbbreviation) {
        double score = 0;
        for (var words = left.iterator(); words.hasNext();) {
            String word = words.next();
            for (int i = 0; i < right.size(); i++) {
                double pair = allowAbbreviation ? abbreviationScore(word, right.get(i))
                        : word.equals(right.get(i)) ? 1.0 : 0.0;
                if (pair > 0) {
                    score += pair;
                    words.remove();
                    right.remove(i);
                    break;
                }
            }
        }
        return score;
    }

    private static double abbreviationScore(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        boolean abbreviates = shorter.length() >= SHORTEST_ABBREVIATION && longer.startsWith(shorter)
                && shorter.chars().allMatch(Character::isLetter);
        return abbreviates ? 0.5 + 0.5 * shorter.length() / longer.length() : 0.0;
    }
}
