package dk.amu.catalogue.ingest.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one column of the table ends and the next begins. Headers are often centred while cells are
 * left-aligned, so a cell may start left of its heading and a long title may reach past its own;
 * the border lies between two headings, in the widest stretch that no cell's word covers.
 */
record TableColumns(float[] borders) {

    static TableColumns of(TableHeader header, List<Word> cells) {
        float[] borders = new float[TableHeader.COLUMNS - 1];
        for (int column = 0; column < borders.length; column++) {
            float from = header.ends()[column];
            float to = header.starts()[column + 1];
            borders[column] = from < to ? widestGap(cells, from, to)
                    : (header.starts()[column + 1] + header.ends()[column]) / 2;
        }
        return new TableColumns(borders);
    }

    private static float widestGap(List<Word> cells, float from, float to) {
        List<Word> inside = new ArrayList<>();
        for (Word word : cells) {
            if (word.x1() > from && word.x0() < to) {
                inside.add(word);
            }
        }
        inside.sort(Comparator.comparingDouble(Word::x0));
        float covered = from;
        float bestFrom = from;
        float bestWidth = -1;
        for (Word word : inside) {
            if (word.x0() - covered > bestWidth) {
                bestFrom = covered;
                bestWidth = word.x0() - covered;
            }
            covered = Math.max(covered, word.x1());
        }
        if (to - covered > bestWidth) {
            bestFrom = covered;
            bestWidth = to - covered;
        }
        return bestWidth <= 0 ? (from + to) / 2 : bestFrom + bestWidth / 2;
    }

    int of(Word word) {
        float center = word.center();
        for (int column = 0; column < borders.length; column++) {
            if (center < borders[column]) {
                return column;
            }
        }
        return borders.length;
    }
}
