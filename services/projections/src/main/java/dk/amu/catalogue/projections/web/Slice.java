package dk.amu.catalogue.projections.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the queries return it: the items, and the cursor of the next page (null
 * on the last). The API turns the cursor into the {@code next} URL.
 */
public record Slice<T>(List<T> items, String nextCursor) {

    /**
     * The first {@code size} items of a list that was asked for one more than a page: the extra item
     * only tells that a next page exists, and the last item shown names where it starts.
     */
    public static <T> Slice<T> of(List<T> oneMoreThanPage, int size, Function<T, String> cursorOf) {
        if (oneMoreThanPage.size() <= size) {
            return new Slice<>(oneMoreThanPage, null);
        }
        var page = List.copyOf(oneMoreThanPage.subList(0, size));
        return new Slice<>(page, cursorOf.apply(page.get(size - 1)));
    }
}
